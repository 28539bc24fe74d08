import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { insertMany } from '../../src/main/db/insert-many';
import { createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

describe('bulk inserts', () => {
  it('writes every row across full and partial statements and rolls back with its transaction', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    // 4 columns: 1,000 rows a statement, so 2,500 rows are two full statements and one partial.
    const rows = Array.from({ length: 2500 }, (_, i) => ({ township_key: i % 2 ? 'k' : '', template_key: `t${i}`, mapping: i % 3 ? '{}' : '{"0":"name"}', updated_at: '2026-11-01' }));
    await insertMany(db, 'import_mappings', rows);
    const back = await db.selectFrom('import_mappings').select(['township_key', 'template_key', 'mapping', 'updated_at']).orderBy(sql`rowid`).execute();
    expect(back).toEqual(rows);

    await expect(
      db.transaction().execute(async (trx) => {
        await insertMany(trx, 'import_mappings', [{ township_key: 'k', template_key: 'abandoned', mapping: '{}', updated_at: '2026-11-01' }]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect((await db.selectFrom('import_mappings').select('template_key').where('template_key', '=', 'abandoned').execute()).length).toBe(0);

    await insertMany(db, 'import_mappings', [{ township_key: 'k', template_key: 't', mapping: '{}', updated_at: '2026-11-01' }]);
    await expect(insertMany(db, 'import_mappings', [{ township_key: 'k', template_key: 't', mapping: '{}', updated_at: '2026-11-02' }])).rejects.toThrow(/UNIQUE/);
    await insertMany(db, 'import_mappings', []);
  });

  it('writes a column with one value in every row of a statement, and one left empty, as the rows gave them', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    const before = await db.selectFrom('calendar_days').select('date').execute();
    // 6 columns: 666 rows a statement. In the first, updated_at is the same in every row (bound once) and
    // in the second it varies (bound per row); source is the same throughout, updated_by empty throughout.
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      date: `2031-${String(i).padStart(4, '0')}`,
      kind: i % 3 ? 'holiday' : 'workday',
      name: `假日${i}`,
      source: 'local',
      updated_by: null,
      updated_at: i < 666 ? '2026-11-01' : `2026-11-${String(2 + (i % 20)).padStart(2, '0')}`,
    }));
    await insertMany(db, 'calendar_days', rows);
    const back = await db.selectFrom('calendar_days').select(['date', 'kind', 'name', 'source', 'updated_by', 'updated_at']).where('date', 'like', '2031-%').orderBy('date').execute();
    expect(back).toEqual(rows);
    expect((await db.selectFrom('calendar_days').select('date').execute()).length).toBe(before.length + rows.length);
  });
});

describe('statement parameters', () => {
  it('binds as many as SQLite takes, of every kind, each as itself (they reach the driver as arguments)', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    // SQLite's limit of parameters in one statement.
    const many = Array.from({ length: 32_766 }, (_, i) => (i % 3 === 0 ? `v${i}` : i % 3 === 1 ? i : null));
    const { rows } = await sql<{ n: number; s: number; last: string }>`select count(*) as n, sum(typeof(value) = 'null') as s, max(value) as last from (select 1 as value where 0 union all values ${sql.join(many.map((v) => sql`(${v})`))})`.execute(db);
    expect(rows).toEqual([{ n: 32_766, s: 10_922, last: 'v9999' }]);
    const { rows: kinds } = await sql<{ b: Buffer; n: number; f: number; s: string; z: null; o: string }>`select ${Buffer.from([0, 1, 2])} as b, ${7n} as n, ${1.5} as f, ${'张三 {"a":1}'} as s, ${null} as z, ${'{}'} as o`.execute(db);
    expect(kinds).toEqual([{ b: Buffer.from([0, 1, 2]), n: 7, f: 1.5, s: '张三 {"a":1}', z: null, o: '{}' }]);
  });
});
