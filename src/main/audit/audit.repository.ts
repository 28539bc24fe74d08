import type { Executor } from '../db/schema';
import { insertMany } from '../db/insert-many';
import type { AuditLogTable } from '../db/tables/audit.table';

export function auditHead(db: Executor) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

/** Inserts chained entries (already hashed, in order) and moves the head to the last one. */
export async function insertAuditEntries(db: Executor, rows: AuditLogTable[]): Promise<void> {
  await insertMany(db, 'audit_log', rows);
  const last = rows[rows.length - 1]!;
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: last.seq, hash: last.hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: last.seq, hash: last.hash }))
    .execute();
}

export function auditPage(db: Executor, beforeSeq: number | undefined, limit: number) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
  if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
  return q.execute();
}

export async function auditCount(db: Executor): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Entries in chain order, a slice at a time, so verifying a long log keeps memory flat. */
export function auditSlice(db: Executor, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}
