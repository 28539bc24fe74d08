import type { Kysely } from 'kysely';

/**
 * Frozen once shipped: indexes for searching the audit log by who, what, which record and when. Entries
 * are read newest first by seq (the rowid), which each single-column index carries along.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_log_username').on('audit_log').column('username').execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').column('action').execute();
  await db.schema.createIndex('audit_log_entity_id').on('audit_log').column('entity_id').execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
