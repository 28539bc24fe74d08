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
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const row of slice) {
      const record = row as Record<string, unknown>;
      for (const c of columns) params.push(record[c] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(statementText(table, columns, slice.length), params));
  }
}

/**
 * The SQL of a chunk, one string per table, columns and row count: the statement cache finds it by the
 * same string, whose hash is then computed once, not by a new string of 20 KB per chunk.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 256;

function statementText(table: string, columns: string[], count: number): string {
  const key = `${table}|${columns.join(',')}|${count}`;
  let text = texts.get(key);
  if (text === undefined) {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    text = `insert into ${quoted(table)} (${columns.map(quoted).join(',')}) values ${Array(count).fill(tuple).join(',')}`;
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
}
