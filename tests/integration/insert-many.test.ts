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
  it('writes every row across full and partial statements, with nulls, and rolls back with its transaction', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    const batchId = 'batch-under-test';
    const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    await db
      .insertInto('import_batches')
      .values({ id: batchId, purpose: 'initial_load', program: 'dibao', township_id: null, file_name: 'x.xlsx', file_sha256: '0', sheet_name: 'S', households: 0, persons: 0, enrollments: 0, cases: 0, skipped_rows: 0, status: 'committed', created_by: admin.id, created_at: '2026-11-01T00:00:00Z', undone_by: null, undone_at: null })
      .execute();
    // 3 columns: 1,333 rows a statement, so 3,000 rows are two full statements and one partial.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ batch_id: batchId, entity: i % 2 ? 'person' : 'household', entity_id: `e${i}` }));
    await insertMany(db, 'import_batch_items', rows);
    const back = await db.selectFrom('import_batch_items').select(['entity', 'entity_id']).orderBy(sql`rowid`).execute();
    expect(back).toEqual(rows.map(({ entity, entity_id }) => ({ entity, entity_id })));

    await expect(
      db.transaction().execute(async (trx) => {
        await insertMany(trx, 'import_batch_items', [{ batch_id: batchId, entity: 'case', entity_id: 'c1' }]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect((await db.selectFrom('import_batch_items').select('entity_id').where('entity', '=', 'case').execute()).length).toBe(0);

    await insertMany(db, 'import_mappings', [{ township_key: 'k', template_key: 't', mapping: '{}', updated_at: '2026-11-01' }]);
    await expect(insertMany(db, 'import_mappings', [{ township_key: 'k', template_key: 't', mapping: '{}', updated_at: '2026-11-02' }])).rejects.toThrow(/UNIQUE/);
    await insertMany(db, 'import_batch_items', []);
  });
});
