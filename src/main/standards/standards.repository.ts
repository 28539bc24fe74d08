import type { Executor } from '../db/schema';

export function listStandardRows(db: Executor) {
  return db.selectFrom('standards').selectAll().orderBy('item').orderBy('effective_from', 'desc').execute();
}

/** The version of an item in force on a date: the latest effective on or before it. */
export function standardOn(db: Executor, item: string, date: string) {
  return db
    .selectFrom('standards')
    .selectAll()
    .where('item', '=', item)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findStandardVersion(db: Executor, item: string, effectiveFrom: string) {
  return db.selectFrom('standards').selectAll().where('item', '=', item).where('effective_from', '=', effectiveFrom).executeTakeFirst();
}
