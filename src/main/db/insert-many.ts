/**
 * Bulk inserts of whole rows (registration, imports, batch approvals, the audit log). Kysely builds a
 * syntax tree node per value and compiles a statement per chunk, which for a 100,000-person import costs
 * more time and garbage than SQLite's own work; here the SQL of a chunk's shape is written once, kept
 * prepared by the statement cache, and the values are bound as they are. Every row must have the
 * columns of the first.
 *
 * Binding costs the driver about 0.3 µs a value, together about as much as SQLite's own work on the
 * row, and most columns of a batch hold one value in every row: its time stamps, its batch,
 * its program, the columns it leaves empty. A column with one value throughout a chunk is bound once for
 * the whole statement, or written as NULL when it is empty: `insert … select <shared>, column1, … from
 * (values <the rows' own values>)`. (The driver binds only anonymous parameters, in order, so one `?N`
 * cannot stand in every row.)
 */
import { CompiledQuery, type Insertable } from 'kysely';
import type { BulkReferences } from './bulk-references';
import type { Executor, LedgerSchema } from './schema';

/** Values per statement, far below SQLite's limit of 32,766 parameters and a prepared statement kept small. */
const VALUES_PER_STATEMENT = 4000;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How a column of one chunk is written: bound per row, bound once for all rows, or NULL. */
type Shape = 'row' | 'shared' | 'null';

/**
 * `references`: a bulk write that checks its foreign keys itself (BulkReferences) tracks the rows, and they
 * go in `or fail`: with SQLite's own checks off, nothing of a failed statement needs undoing but the whole
 * transaction, so SQLite keeps no statement journal for it.
 */
export async function insertMany<T extends keyof LedgerSchema & string>(db: Executor, table: T, rows: readonly Insertable<LedgerSchema[T]>[], references?: BulkReferences | null): Promise<void> {
  if (rows.length === 0) return;
  await references?.track(table, rows as readonly Record<string, unknown>[]);
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement) as readonly Record<string, unknown>[];
    const shapes = columns.map((c, k) => shapeOf(slice, c, k === 0));
    // The shared values come first in the statement's text, then the rows'.
    const params: unknown[] = [];
    columns.forEach((c, k) => {
      if (shapes[k] === 'shared') params.push(slice[0]![c]);
    });
    for (const record of slice) for (let k = 0; k < columns.length; k++) if (shapes[k] === 'row') params.push(record[columns[k]!] ?? null);
    await db.executeQuery(CompiledQuery.raw(statementText(table, columns, shapes, slice.length, references ? 'or fail ' : ''), params));
  }
}

/** One value in every row of the chunk (compared as stored: numbers, strings, null) or not. */
function shapeOf(slice: readonly Record<string, unknown>[], column: string, first: boolean): Shape {
  // A row of values is needed to count the rows by (VALUES has no empty rows): the first column stays one.
  if (slice.length === 1 || first) return 'row';
  const value = slice[0]![column] ?? null;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') return 'row';
  for (let i = 1; i < slice.length; i++) if ((slice[i]![column] ?? null) !== value) return 'row';
  return value === null ? 'null' : 'shared';
}

/**
 * The SQL of a chunk, one string per table, columns, shapes and row count: the statement cache finds it
 * by the same string, whose hash is then computed once, not by a new string of 20 KB per chunk.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 256;

function statementText(table: string, columns: string[], shapes: Shape[], count: number, conflict: '' | 'or fail '): string {
  const key = `${conflict}${table}|${columns.join(',')}|${shapes.join(',')}|${count}`;
  let text = texts.get(key);
  if (text === undefined) {
    const own = shapes.filter((s) => s === 'row').length;
    const tuple = `(${Array(own).fill('?').join(',')})`;
    const rows = Array(count).fill(tuple).join(',');
    const into = `insert ${conflict}into ${quoted(table)} (${columns.map(quoted).join(',')})`;
    if (own === columns.length) text = `${into} values ${rows}`;
    else {
      let k = 0;
      const select = shapes.map((s) => (s === 'null' ? 'NULL' : s === 'shared' ? '?' : `column${++k}`));
      text = `${into} select ${select.join(',')} from (values ${rows})`;
    }
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
}
