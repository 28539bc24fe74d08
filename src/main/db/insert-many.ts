/**
 * Bulk inserts of whole rows (registration, imports, batch approvals, the audit log). Kysely builds a
 * syntax tree node per value and compiles a statement per chunk, which for a 100,000-person import costs
 * more time and garbage than SQLite's own work; here the SQL of a chunk size is written once, kept
 * prepared by the statement cache, and the values are bound as they are. Every row must have the
 * columns of the first.
 */
import { CompiledQuery, type Insertable } from 'kysely';
import type { Executor, LedgerSchema } from './schema';

/** Bound values per statement, far below SQLite's limit of 32,766 and a prepared statement kept small. */
const VALUES_PER_STATEMENT = 4000;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function insertMany<T extends keyof LedgerSchema & string>(db: Executor, table: T, rows: readonly Insertable<LedgerSchema[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const head = `insert into ${quoted(table)} (${columns.map(quoted).join(',')}) values `;
  let fullSql: string | null = null;
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    const text = slice.length === perStatement ? (fullSql ??= head + Array(perStatement).fill(tuple).join(',')) : head + Array(slice.length).fill(tuple).join(',');
    const params: unknown[] = [];
    for (const row of slice) {
      const record = row as Record<string, unknown>;
      for (const c of columns) params.push(record[c] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
