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
 * of the table's) must name a row the ledger holds by the end of the write. A value the write inserted
 * lately (RecentValues) is taken as found; any other is asked of the ledger by `verify`, once per distinct
 * value, before the transaction commits, when the write's own rows are in it too. A missing one fails the write.
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

/** One foreign key of a table the write inserts into: what its parent column got lately from this write, and what the rows named besides. */
interface Reference {
  table: string;
  key: ForeignKey;
  inserted: RecentValues;
  named: Set<unknown>;
}

/**
 * The values a parent column got lately from the write, in two small sets that take turns. A bulk write
 * names the rows it has just written (a person its household, a member its person, a few hundred rows
 * back), and small sets stay in the processor's cache where one set of every person's ID did not: in CPU
 * profiles of a 100,000-person 建账 the tracking went from 240 ms to 180 (callgrind, which counts
 * instructions and not cache misses, saw no difference). Most of what is left is hashing each new ID, which
 * first joins its pieces into one string, as binding it to the statement would otherwise do. An older
 * value is asked of the ledger at the end.
 */
class RecentValues {
  private current = new Set<unknown>();
  private previous = new Set<unknown>();

  add(value: unknown): void {
    if (this.current.size >= RECENT) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(value);
  }

  has(value: unknown): boolean {
    return this.current.has(value) || this.previous.has(value);
  }
}

/** Values a RecentValues set holds before the next one takes over: well over what one flush of a bulk write inserts. */
const RECENT = 4096;

/** Values a query names at once, well below SQLite's limit of parameters. */
const LOOKUP_CHUNK = 500;

export class BulkReferences {
  /** The ledger's foreign keys by the table holding them, and the columns they name by parent table (read once). */
  private graph: { keys: Map<string, ForeignKey[]>; named: Map<string, string[]> } | null = null;
  /** Values of the columns some key names, inserted lately by this write, by `table\0column`. */
  private readonly inserted = new Map<string, RecentValues>();
  /** Per table, worked out at its first rows: its columns other rows name, and its own keys. */
  private readonly plans = new Map<string, { named: { column: string; values: RecentValues }[]; references: Reference[] }>();

  constructor(private readonly db: Executor) {}

  /** Before the rows are inserted: notes their values other rows may name, and what they name. */
  async track(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const plan = await this.plan(table);
    for (const { column, values } of plan.named) for (const row of rows) values.add(row[column]);
    for (const { key, inserted, named } of plan.references) {
      // Most columns of a batch name one row throughout (its batch, township, standard): looked at once.
      let last: unknown = undefined;
      for (const row of rows) {
        const value = row[key.column];
        if (value === last || value === null || value === undefined) continue;
        last = value;
        if (!inserted.has(value)) named.add(value);
      }
    }
  }

  /** Throws (and so undoes the write) when a tracked row names a row neither inserted nor in the ledger. */
  async verify(): Promise<void> {
    for (const { table, key, named } of [...this.plans.values()].flatMap((plan) => plan.references)) {
      const wanted = [...named];
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

  private async plan(table: string) {
    let plan = this.plans.get(table);
    if (!plan) {
      const { keys, named } = await this.foreignKeys();
      plan = {
        named: (named.get(table) ?? []).map((column) => ({ column, values: this.insertedInto(table, column) })),
        references: (keys.get(table) ?? []).map((key) => ({ table, key, inserted: this.insertedInto(key.parent, key.parentColumn), named: new Set() })),
      };
      this.plans.set(table, plan);
    }
    return plan;
  }

  private insertedInto(table: string, column: string): RecentValues {
    const id = `${table}\u0000${column}`;
    let values = this.inserted.get(id);
    if (!values) this.inserted.set(id, (values = new RecentValues()));
    return values;
  }

  /** SQLite's list of every table's foreign keys (single columns naming their parent's column, as the ledger's all are). */
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
