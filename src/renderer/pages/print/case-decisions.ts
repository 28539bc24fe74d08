/** What the notices read from a case: the history entry that fixed its outcome (the backend marks it). */
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';

/** The last history entry whose action fixed this outcome, or null. */
export function decidingEntry(detail: CaseDetail, outcome: 'approved' | 'rejected'): CaseHistoryEntry | null {
  return detail.history.findLast((entry) => entry.outcome === outcome) ?? null;
}
