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
});
