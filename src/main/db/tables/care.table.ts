/** The children's care ledger: child files, village 儿童主任 and visits (migration 0008). */
export interface ChildDirectorsTable {
  id: string;
  township_id: string;
  village_id: string | null;
  name: string;
  phone: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ChildrenTable {
  /** The child is a person of the ledger: one file per person. */
  person_id: string;
  /** A ChildCategory; `cause` only for 困境儿童. */
  category: string;
  cause: string | null;
  guardianship: string;
  guardian_name: string | null;
  guardian_relation: string | null;
  guardian_id_number: string | null;
  guardian_phone: string | null;
  director_id: string | null;
  school: string | null;
  health: string | null;
  disability: string | null;
  pairing_name: string | null;
  pairing_kind: string | null;
  pairing_phone: string | null;
  opened_on: string;
  closed_on: string | null;
  close_reason: string | null;
  /** Kept by recordVisit: the latest visit's date. */
  last_visited_on: string | null;
  /** Kept by every write (nextVisitDue); null once the file is closed. */
  next_due_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChildVisitsTable {
  id: string;
  child_id: string;
  visited_on: string;
  kind: string;
  visitor: string;
  findings: string;
  needs: string | null;
  follow_up: string | null;
  recorded_by: string;
  recorded_at: string;
}
