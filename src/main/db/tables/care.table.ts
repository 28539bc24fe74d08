/** The children's care ledger: child files, village 儿童主任 and visits (migration 0008). */
import type { FileVisitColumns, PersonFileColumns } from './person-file.table';

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

export interface ChildrenTable extends PersonFileColumns {
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
}

export interface ChildVisitsTable extends FileVisitColumns {
  child_id: string;
}
