/**
 * Commits an import as one batch, as a job: progress arrives as events and the clerk can cancel; a
 * cancelled import leaves the ledger as it was. Leaving the page does not cancel it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportResult, ImportSettings } from '../../../shared/api/imports.schemas';
import { useJob } from '../../api/useJob';

export function useImportCommit(onDone: (result: ImportResult) => void) {
  const queryClient = useQueryClient();
  const job = useJob('imports.commit', { cancelOnLeave: false });
  const [cancelled, setCancelled] = useState(false);

  const run = async (settings: ImportSettings) => {
    setCancelled(false);
    const outcome = await job.run(settings);
    if (outcome?.kind === 'cancelled') setCancelled(true);
    if (outcome?.kind !== 'done') return;
    // An import reaches the ledger, the cases, the counts and the regions: every read is refreshed.
    await queryClient.invalidateQueries();
    onDone(outcome.data);
  };

  return { ...job, run, cancelled, clearCancelled: () => setCancelled(false) };
}
