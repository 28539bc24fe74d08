import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withIndexesDeferred } from '../../src/main/db/deferred-indexes';
import type { Executor } from '../../src/main/db/schema';
import { registerHouseholds } from '../../src/main/households/households.service';
import { PeopleGenerator } from '../fixtures/people';
import { createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

/** The persons table's indexes, with the SQL that made them (null for those of constraints). */
async function indexes(db: Executor) {
  const { rows } = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'persons' order by name`.execute(db);
  return rows;
}

/** A county whose ledger holds one household of two people; answers their ID numbers. */
async function countyWithTwoPeople() {
  const t = await createCounty();
  ledger = t;
  const [a, b] = [new PeopleGenerator(23).person({ sex: 'female' }), new PeopleGenerator(24).person({ sex: 'male' })];
  await registerHouseholds(t.backend.store.db, { userId: null, username: 'test' }, t.clock.now(), [
    {
      townshipId: t.east.id,
      villageId: t.eastVillage.id,
      address: '东山村8号',
      hukouType: 'rural',
      phone: null,
      members: [
        { name: '欧阳丽华', idNumber: a!.idNumber, relation: 'self' },
        { name: '欧阳明', idNumber: b!.idNumber, relation: 'son' },
      ],
    },
  ]);
  return { db: t.backend.store.db, ids: [a!.idNumber, b!.idNumber] as const };
}

describe('indexes deferred in a bulk write', () => {
  it('builds the plain indexes after a write that at least doubles the table, while the unique ID number holds throughout', async () => {
    const { db, ids } = await countyWithTwoPeople();
    const before = await indexes(db);
    expect(before.map((i) => i.name)).toEqual(expect.arrayContaining(['persons_name', 'persons_initials', 'persons_id_rev', 'persons_birth_date']));
    // A bulk write's own page cache: the builds take a larger one and give it back.
    await sql`pragma cache_size = -2048`.execute(db);
    await db.transaction().execute((trx) =>
      withIndexesDeferred(trx, 'persons', 2, async () => {
        const during = await indexes(trx);
        // Left: the constraints' indexes (the primary key, the unique ID number) and those led by a record's
        // ID, which a bulk write appends to; gone: those of random keys (names, initials, reversed IDs, births).
        expect(during.filter((i) => i.sql === null).length).toBeGreaterThanOrEqual(2);
        expect(during.filter((i) => i.sql !== null).map((i) => i.name)).toEqual(['persons_household', 'persons_id_birth']);
        await expect(trx.updateTable('persons').set({ id_number: ids[0] }).where('id_number', '=', ids[1]).execute()).rejects.toThrow(/UNIQUE/);
      }),
    );
    expect(await indexes(db)).toEqual(before);
    expect((await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]!.cache_size).toBe(-2048);
    const plan = await sql<{ detail: string }>`explain query plan select id from persons where name = ${'欧阳明'}`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('persons_name');
  });

  it('keeps the indexes of a table the write adds less to than it holds', async () => {
    const { db } = await countyWithTwoPeople();
    const before = await indexes(db);
    await db.transaction().execute((trx) =>
      withIndexesDeferred(trx, 'persons', 1, async () => {
        expect(await indexes(trx)).toEqual(before);
      }),
    );
  });

  it('gives the indexes back with the rest of the transaction when the write fails', async () => {
    const { db } = await countyWithTwoPeople();
    const before = await indexes(db);
    const failed = db.transaction().execute((trx) =>
      withIndexesDeferred(trx, 'persons', 100, async () => {
        expect((await indexes(trx)).length).toBeLessThan(before.length);
        throw new Error('abandoned');
      }),
    );
    await expect(failed).rejects.toThrow('abandoned');
    expect(await indexes(db)).toEqual(before);
  });
});
