import { sql, type SqlBool } from 'kysely';
import type { AuditFilter } from '../../shared/api/audit.schemas';
import { chinaDayEnd, chinaDayStart } from '../../shared/domain/china-time';
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

/** The entries a filter finds (all of them without one), up to `upToSeq` when given; days are China days. */
function filtered(db: Executor, filter: AuditFilter, upToSeq?: number) {
  let q = db.selectFrom('audit_log');
  if (upToSeq !== undefined) q = q.where('seq', '<=', upToSeq);
  if (filter.username) q = q.where('username', '=', filter.username);
  if (filter.actions?.length) q = q.where('action', 'in', filter.actions);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  const recordId = filter.recordId;
  if (recordId) q = q.where((eb) => eb.or([eb('entity_id', '=', recordId), eb('household_id', '=', recordId)]));
  if (filter.from) q = q.where('at', '>=', chinaDayStart(filter.from));
  if (filter.to) q = q.where('at', '<', chinaDayEnd(filter.to));
  if (filter.q) q = q.where(sql<SqlBool>`instr(lower(reason), lower(${filter.q})) > 0`);
  return q;
}

/** A page of the filtered log, newest first: entries before `beforeSeq` (keyset), else from `offset`. */
export function auditPage(db: Executor, filter: AuditFilter, page: { beforeSeq?: number; offset?: number; limit: number }) {
  let q = filtered(db, filter).selectAll().orderBy('seq', 'desc').limit(page.limit);
  if (page.beforeSeq !== undefined) q = q.where('seq', '<', page.beforeSeq);
  else if (page.offset) q = q.offset(page.offset);
  return q.execute();
}

/** How many entries the filter finds, exactly. */
export async function auditCount(db: Executor, filter: AuditFilter = {}, upToSeq?: number): Promise<number> {
  const row = await filtered(db, filter, upToSeq).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Entries in chain order, a slice at a time, so verifying a long log keeps memory flat. */
export function auditSlice(db: Executor, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}
