/**
 * The foreign keys of a bulk write, checked here instead of by SQLite (see asBulkWrite's `checkReferences`).
 *
 * Why: with its foreign keys on, SQLite must be able to undo half of a multi-row INSERT (a later row's
 * reference may fail), so it copies every page such a statement changes that existed before it to a
 * statement journal first; a 建账's ID-number index takes its rows at random pages, hundreds a statement.
 * With the keys off and the inserts `or fail` (nothing to undo: a failure fails the whole transaction),
 * there is no statement journal and no lookup of each reference in its parent's index: a 20,000-person
 * 建账's statements ran 12% fewer instructions in SQLite. This check costs a set lookup per reference.
 *
 * What: every row the bulk write inserts goes through `track`; each of its foreign keys (SQLite's own list
 * of the table's) must name a row the same write inserted, or one the ledger holds, which `verify` asks
 * the ledger for once per distinct value, before the transaction commits. A missing one fails the write.
 */
import { sql } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Executor } from './schema';

interface ForeignKey {
  /** The column of the table holding the key. */
  column: string;
  parent: string;
  parentColumn: string;
}

/** Values a query names at once, well below SQLite's limit of parameters. */
const LOOKUP_CHUNK = 500;

export class BulkReferences {
  /** The ledger's foreign keys by the table holding them, and the columns they name by parent table. */
  private graph: { keys: Map<string, ForeignKey[]>; named: Map<string, string[]> } | null = null;
  /** Values of named columns inserted by this write, by `table\0column`. */
  private readonly inserted = new Map<string, Set<unknown>>();
  /** Values referenced that this write had not inserted when it referred to them, by `table\0column`. */
  private readonly referenced = new Map<string, { table: string; key: ForeignKey; values: Set<unknown> }>();
  /** Per table, where `track` puts what it notes (worked out at the table's first rows). */
  private readonly plans = new Map<string, { named: { column: string; values: Set<unknown> }[]; keys: { column: string; own: Set<unknown>; values: Set<unknown> }[] }>();

  constructor(private readonly db: Executor) {}

  /** Before the rows are inserted: notes their values other rows may name, and what they name. */
  async track(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const { named, keys } = await this.plan(table);
    for (const { column, values } of named) for (const row of rows) values.add(row[column]);
    for (const { column, own, values } of keys) {
      // Most columns of a batch name one row throughout (its batch, township, standard): looked at once.
      let last: unknown = undefined;
      for (const row of rows) {
        const value = row[column];
        if (value === last || value === null || value === undefined) continue;
        last = value;
        if (!own.has(value)) values.add(value);
      }
    }
  }

  /** Throws (and so undoes the write) when a tracked row names a row neither inserted nor in the ledger. */
  async verify(): Promise<void> {
    for (const { table, key, values } of this.referenced.values()) {
      const own = this.inserted.get(`${key.parent}\u0000${key.parentColumn}`);
      const wanted = [...values].filter((v) => !own?.has(v));
      for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
        const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
        const column = sql.ref(key.parentColumn);
        const { rows } = await sql<{ v: unknown }>`select ${column} as v from ${sql.table(key.parent)} where ${column} in (${sql.join(chunk)})`.execute(this.db);
        const found = new Set(rows.map((r) => r.v));
        const missing = chunk.find((v) => !found.has(v));
        if (missing !== undefined) {
          throw new AppError('INTERNAL', `写入出错：${table} 表的 ${key.column} 指向不存在的 ${key.parent} 记录（${String(missing)}），本次写入已全部撤销，台账未改变`);
        }
      }
    }
  }

  /** For a table: the sets its named columns' values go to, and for each of its keys, its parent's inserted values and its own referenced ones. */
  private async plan(table: string) {
    let plan = this.plans.get(table);
    if (!plan) {
      const { keys, named } = await this.foreignKeys();
      plan = {
        named: (named.get(table) ?? []).map((column) => ({ column, values: this.values(this.inserted, table, column) })),
        keys: (keys.get(table) ?? []).map((key) => {
          const id = `${table}\u0000${key.column}`;
          let slot = this.referenced.get(id);
          if (!slot) this.referenced.set(id, (slot = { table, key, values: new Set() }));
          return { column: key.column, own: this.values(this.inserted, key.parent, key.parentColumn), values: slot.values };
        }),
      };
      this.plans.set(table, plan);
    }
    return plan;
  }

  private values(map: Map<string, Set<unknown>>, table: string, column: string): Set<unknown> {
    const id = `${table}\u0000${column}`;
    let values = map.get(id);
    if (!values) map.set(id, (values = new Set()));
    return values;
  }

  /** SQLite's list of every table's foreign keys, read once (single columns, as the ledger's all are). */
  private async foreignKeys(): Promise<NonNullable<BulkReferences['graph']>> {
    if (this.graph) return this.graph;
    const { rows } = await sql<{ child: string; from: string; parent: string; to: string | null; seq: number }>`
      select m.name as child, f."from", f."table" as parent, f."to", f.seq
      from sqlite_master m join pragma_foreign_key_list(m.name) f where m.type = 'table'`.execute(this.db);
    const keys = new Map<string, ForeignKey[]>();
    const named = new Map<string, string[]>();
    for (const r of rows) {
      if (r.seq > 0 || r.to === null) throw new Error(`${r.child}.${r.from}: a foreign key of several columns, or of its parent's key unnamed, is not checked here`);
      const key = { column: r.from, parent: r.parent, parentColumn: r.to };
      keys.set(r.child, [...(keys.get(r.child) ?? []), key]);
      if (!named.get(key.parent)?.includes(key.parentColumn)) named.set(key.parent, [...(named.get(key.parent) ?? []), key.parentColumn]);
    }
    return (this.graph = { keys, named });
  }
}
