import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { asBulkWrite, bulkCacheKib } from '../../src/main/db/bulk-write';
import { registerHouseholds } from '../../src/main/households/households.service';
import { PeopleGenerator } from '../fixtures/people';
import { createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

const MIB = 1024 * 1024;

describe('a bulk write', () => {
  it('runs with the rollback journal and a page cache for the ledger, and gives back WAL and the cache, also when it fails', async () => {
    ledger = await createCounty();
    const db = ledger.backend.store.db;
    const settings = async () => ({
      journal: (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]!.journal_mode,
      cache: (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]!.cache_size,
    });
    const own = await settings();
    expect(own).toEqual({ journal: 'wal', cache: -131072 });
    expect(await asBulkWrite(db, settings)).toEqual({ journal: 'delete', cache: -32768 });
    expect(await settings()).toEqual(own);
    await expect(asBulkWrite(db, () => Promise.reject(new Error('abandoned')))).rejects.toThrow('abandoned');
    expect(await settings()).toEqual(own);
  });

  it('sizes the page cache to half the ledger file, between 32 and 128 MiB', () => {
    expect(bulkCacheKib(1 * MIB)).toBe(32 * 1024);
    expect(bulkCacheKib(150 * MIB)).toBe(75 * 1024);
    expect(bulkCacheKib(2048 * MIB)).toBe(128 * 1024);
  });

  it('keeps its journal as opaque as the ledger, and a failure restores every row from it', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    const marker = '慕容雪晴';
    const person = new PeopleGenerator(11).person({ sex: 'female' });
    await registerHouseholds(db, { userId: null, username: 'test' }, t.clock.now(), [
      { townshipId: t.east.id, villageId: t.eastVillage.id, address: '东山村2号', hukouType: 'rural', phone: null, members: [{ name: marker, idNumber: person.idNumber, relation: 'self' }] },
    ]);
    const journal = path.join(t.dataDir, 'ledger.db-journal');
    let seen: Buffer | null = null;
    const failed = asBulkWrite(db, () =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('persons').set({ name: '改名', id_number: '110101190001010011' }).where('id_number', '=', person.idNumber).execute();
        // The page that held the person is saved to the journal before it is changed.
        seen = fs.readFileSync(journal);
        throw new Error('abandoned');
      }),
    );
    await expect(failed).rejects.toThrow('abandoned');
    expect(seen!.length).toBeGreaterThan(4096);
    expect(seen!.includes(Buffer.from(marker, 'utf8'))).toBe(false);
    expect(seen!.includes(Buffer.from(person.idNumber, 'utf8'))).toBe(false);
    expect(fs.existsSync(journal)).toBe(false);
    expect(await db.selectFrom('persons').select(['name', 'id_number']).execute()).toEqual([{ name: marker, id_number: person.idNumber }]);
  });
});
