/**
 * The columns every person file shares, the child ledger's (children, child_visits) and the elder file's
 * (elders, elder_visits): the file's dates, kept due date and stamps, and a visit's record.
 */
export interface PersonFileColumns {
  opened_on: string;
  closed_on: string | null;
  close_reason: string | null;
  /** Kept by recording a visit: the latest visit's date. */
  last_visited_on: string | null;
  /** Kept by every write (the ledger's next-due rule); null once the file is closed. */
  next_due_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A visit to a person file, besides the column naming its file. */
export interface FileVisitColumns {
  id: string;
  visited_on: string;
  /** One of the ledger's visit kinds (VisitKind, ElderVisitKind). */
  kind: string;
  visitor: string;
  findings: string;
  needs: string | null;
  follow_up: string | null;
  recorded_by: string;
  recorded_at: string;
}
