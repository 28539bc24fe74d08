/**
 * Index maintenance of a bulk write that at least doubles a table (a 建账 into a new or small ledger): the
 * table's plain secondary indexes of random keys (names, pinyin initials, reversed IDs, birth dates) are
 * dropped before the rows go in and built again, from the sorted rows, before the transaction commits.
 * Building an index at once costs a fraction of updating it row by row at random places; each build
 * scans the whole table, decrypting it again where the page cache could not keep it (100,000 people:
 * four builds instead of six took some 0.4 s less), so indexes a bulk write appends to stay. Into a
 * large table the build would read every row already there, so it is not done then. Constraints are
 * never dropped (the primary key, the unique ID number), so nothing the ledger forbids can get in
 * meanwhile. The drop and the build are part of the caller's transaction: a cancel or a failure gives
 * the indexes back with everything else.
 */
import { sql } from 'kysely';
import { LEDGER_CACHE_KIB } from './open';
import { pragma } from './pragma';
import type { Executor } from './schema';

type DeferrableTable = 'persons';

export async function withIndexesDeferred<T>(trx: Executor, table: DeferrableTable, adding: number, work: () => Promise<T>): Promise<T> {
  const rebuild = await deferIndexes(trx, table, adding);
  const result = await work();
  await rebuild();
  return result;
}

/** Drops the indexes when adding this many rows pays for building them again; answers how to build them. */
export async function deferIndexes(trx: Executor, table: DeferrableTable, adding: number): Promise<() => Promise<void>> {
  const held = await countRows(trx, table);
  if (adding < Math.max(held, 1)) return async () => {};
  const indexes = await plainIndexes(trx, table);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  return async () => {
    // Each build scans the whole table. In a bulk write's smaller cache the pages one scan decrypted are gone
    // by the next; the ledger's usual cache keeps them for all (100,000 people: the builds some 30% shorter).
    const cache = await pragma<number>(trx, 'cache_size');
    await pragma(trx, 'cache_size', Math.min(cache, -LEDGER_CACHE_KIB));
    try {
      for (const index of indexes) await sql.raw(index.sql).execute(trx);
    } finally {
      await pragma(trx, 'cache_size', cache);
    }
  };
}

async function countRows(trx: Executor, table: DeferrableTable): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The table's indexes made by `create index` (not by a constraint) that are not unique and whose keys come
 * in random order, with their SQL. An index led by a record's ID (`id`, `…_id`: ULIDs, which grow) takes
 * a bulk write's rows at its end, page after page, as cheaply as a build would, and a build would scan
 * the whole table once more: it is kept.
 */
async function plainIndexes(trx: Executor, table: DeferrableTable): Promise<{ name: string; sql: string }[]> {
  const { rows } = await sql<{ name: string; sql: string }>`
    select m.name, m.sql from pragma_index_list(${table}) i join sqlite_master m on m.type = 'index' and m.name = i.name
    where i.origin = 'c' and i."unique" = 0 and m.sql is not null
      and not exists (select 1 from pragma_index_info(i.name) c where c.seqno = 0 and (c.name = 'id' or substr(c.name, -3) = '_id'))
    order by m.name`.execute(trx);
  return rows;
}
