/**
 * Commits an import as one batch. The call carries a job id, so progress arrives as events and the clerk
 * can cancel; a cancelled import leaves the ledger as it was.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ImportResult, ImportSettings } from '../../../shared/api/imports.schemas';
import { isApiError } from '../../api/api-error';
import { call, newJobId, subscribe } from '../../api/client';
import { reportError } from '../../api/errors';

export interface CommitProgress {
  done: number;
  total: number;
  message: string | null;
}

export function useImportCommit(onDone: (result: ImportResult) => void) {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<CommitProgress>({ done: 0, total: 0, message: null });
  const [cancelled, setCancelled] = useState(false);
  const jobIdRef = useRef<string | null>(null);
  const commit = useMutation({
    mutationFn: ({ settings, id }: { settings: ImportSettings; id: string }) => call('imports.commit', settings, { jobId: id }),
  });

  const run = async (settings: ImportSettings) => {
    const id = newJobId();
    jobIdRef.current = id;
    setJobId(id);
    setCancelled(false);
    setProgress({ done: 0, total: 0, message: null });
    const off = subscribe((event) => {
      if (event.type === 'progress' && event.jobId === id) setProgress({ done: event.done, total: event.total, message: event.message ?? null });
    });
    try {
      const result = await commit.mutateAsync({ settings, id });
      // An import reaches the ledger, the cases, the counts and the regions: every read is refreshed.
      await queryClient.invalidateQueries();
      onDone(result);
    } catch (err) {
      if (isApiError(err, 'CANCELLED')) setCancelled(true);
      else reportError(err);
    } finally {
      off();
      jobIdRef.current = null;
      setJobId(null);
    }
  };

  const cancel = () => {
    const id = jobIdRef.current;
    if (id) call('jobs.cancel', { jobId: id }).catch((err: unknown) => reportError(err));
  };

  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return { run, cancel, running: jobId !== null, progress, percent, cancelled, clearCancelled: () => setCancelled(false) };
}
