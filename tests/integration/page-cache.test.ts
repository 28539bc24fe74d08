import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withPageCache } from '../../src/main/db/page-cache';
import { createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

describe('the page cache of a bulk load', () => {
  it('is held to its size while the work runs and given back its own afterwards, also when the work fails', async () => {
    ledger = await createCounty();
    const db = ledger.backend.store.db;
    const size = async () => (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]!.cache_size;
    const own = await size();
    expect(own).toBe(-131072);
    expect(await withPageCache(db, 32, size)).toBe(-32768);
    expect(await size()).toBe(own);
    await expect(withPageCache(db, 16, () => Promise.reject(new Error('abandoned')))).rejects.toThrow('abandoned');
    expect(await size()).toBe(own);
  });
});
