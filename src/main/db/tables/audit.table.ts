/** Hash-chained audit log: each entry's hash covers its content and the previous entry's hash. */
export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  /** Why the change was made (required for edits of people and households). */
  reason: string | null;
  /** The household whose timeline shows this entry. */
  household_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The chain's head, updated with every entry, so that deleting the newest entries is detected too. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
