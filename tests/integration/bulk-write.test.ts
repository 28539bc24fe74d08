import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asBulkWrite, bulkCacheKib, SYNC_EVERY_MS } from '../../src/main/db/bulk-write';
import { insertMany } from '../../src/main/db/insert-many';
import type { Executor } from '../../src/main/db/schema';
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
    const settings = async (on: Executor = db) => ({
      journal: (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(on)).rows[0]!.journal_mode,
      cache: (await sql<{ cache_size: number }>`pragma cache_size`.execute(on)).rows[0]!.cache_size,
    });
    const own = await settings();
    expect(own).toEqual({ journal: 'wal', cache: -131072 });
    expect(await asBulkWrite(db, (trx) => settings(trx))).toEqual({ journal: 'delete', cache: -32768 });
    expect(await settings()).toEqual(own);
    await expect(asBulkWrite(db, () => Promise.reject(new Error('abandoned')))).rejects.toThrow('abandoned');
    expect(await settings()).toEqual(own);
  });

  it('has the OS write the ledger file as it goes, through a descriptor of its own closed while SQLite holds no lock on the file', async () => {
    ledger = await createCounty();
    const db = ledger.backend.store.db;
    const file = fs.realpathSync(path.join(ledger.dataDir, 'ledger.db'));
    const target = (fd: string) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`, { encoding: 'utf8' });
      } catch {
        return null; // the listing's own descriptor, closed by now
      }
    };
    const descriptors = () => fs.readdirSync('/proc/self/fd').filter((fd) => target(fd) === file).length;
    const open = descriptors();
    const sync = vi.spyOn(fs, 'fdatasync');
    try {
      await asBulkWrite(db, async (trx) => {
        await trx.updateTable('townships').set({ name: '东山镇' }).where('name', '=', '东山镇').execute();
        expect(descriptors()).toBe(open + 1);
        await new Promise((resolve) => setTimeout(resolve, SYNC_EVERY_MS * 2.5));
      });
      expect(sync).toHaveBeenCalled();
    } finally {
      sync.mockRestore();
    }
    expect(descriptors()).toBe(open);
    // Closing a descriptor drops the process's POSIX locks on the file: SQLite's lasting read lock in WAL,
    // taken again by its next statement, must still be there after it (another process would see it).
    await sql`select count(*) from persons`.execute(db);
    const { ino } = fs.statSync(file);
    const ours = fs
      .readFileSync('/proc/locks', 'utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[4] === String(process.pid) && f[5]?.endsWith(`:${ino}`));
    expect(ours.map((f) => f.slice(1, 4).join(' '))).toContain('POSIX ADVISORY READ');
  });

  it('checks the references of what it writes itself, SQLite’s checks off meanwhile: a row naming what is nowhere undoes the whole write', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    const foreignKeys = async (on: Executor = db) => (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(on)).rows[0]!.foreign_keys;
    const now = t.clock.now().toISOString();
    const household = (id: string, townshipId: string) => ({ id, township_id: townshipId, village_id: t.eastVillage.id, address: '东山村1号', hukou_type: 'rural' as const, created_at: now, updated_at: now });
    const person = (id: string, householdId: string) => {
      const p = new PeopleGenerator(id.length).person();
      return { id, household_id: householdId, relation: 'self', id_number: p.idNumber, name: p.name, sex: p.sex, birth_date: p.birthDate, created_at: now, updated_at: now };
    };
    // A person naming a household the same write inserts after it, households naming the ledger's township and village.
    await asBulkWrite(
      db,
      async (trx, references) => {
        expect(await foreignKeys(trx)).toBe(0);
        await insertMany(trx, 'persons', [person('P1', 'H1')], references);
        await insertMany(trx, 'households', [household('H1', t.east.id)], references);
      },
      { checkReferences: true },
    );
    expect(await foreignKeys()).toBe(1);
    expect(await db.selectFrom('persons').select(['id', 'household_id']).execute()).toEqual([{ id: 'P1', household_id: 'H1' }]);
    // A row naming one the write inserted thousands of rows before (no longer among those it keeps at hand): found in the ledger.
    await asBulkWrite(
      db,
      async (trx, references) => {
        await insertMany(trx, 'households', Array.from({ length: 9000 }, (_, i) => household(`HM${i}`, t.east.id)), references);
        await insertMany(trx, 'persons', [person('P4444', 'HM0'), person('P55555', 'HM8999')], references);
      },
      { checkReferences: true },
    );
    expect(await db.selectFrom('persons').where('id', 'in', ['P4444', 'P55555']).select('household_id').orderBy('id').execute()).toEqual([{ household_id: 'HM0' }, { household_id: 'HM8999' }]);
    // A township the ledger does not hold: nothing of the write stays, not even its rows before the bad one.
    const bad = asBulkWrite(
      db,
      async (trx, references) => {
        await insertMany(trx, 'households', [household('H2', t.east.id), household('H3', 'no-such-township')], references);
        await insertMany(trx, 'persons', [person('P22', 'H2')], references);
      },
      { checkReferences: true },
    );
    await expect(bad).rejects.toThrow('households 表的 township_id 指向不存在的 townships 记录（no-such-township），本次写入已全部撤销');
    expect(await db.selectFrom('households').where('id', 'in', ['H1', 'H2', 'H3']).select('id').orderBy('id').execute()).toEqual([{ id: 'H1' }]);
    expect(await foreignKeys()).toBe(1);
    // Without the check asked for, SQLite's own stays on.
    await expect(asBulkWrite(db, (trx) => insertMany(trx, 'persons', [person('P333', 'no-such-household')]))).rejects.toThrow(/FOREIGN KEY/);
    // The setting found is the one given back: checks off before stay off.
    await sql`pragma foreign_keys = off`.execute(db);
    await asBulkWrite(db, async () => undefined, { checkReferences: true });
    expect(await foreignKeys()).toBe(0);
    await sql`pragma foreign_keys = on`.execute(db);
  });

  it('sizes the page cache to a quarter of the ledger file, between 32 and 128 MiB', () => {
    expect(bulkCacheKib(1 * MIB)).toBe(32 * 1024);
    expect(bulkCacheKib(300 * MIB)).toBe(75 * 1024);
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
    const failed = asBulkWrite(db, async (trx) => {
      await trx.updateTable('persons').set({ name: '改名', id_number: '110101190001010011' }).where('id_number', '=', person.idNumber).execute();
      // The page that held the person is saved to the journal before it is changed.
      seen = fs.readFileSync(journal);
      throw new Error('abandoned');
    });
    await expect(failed).rejects.toThrow('abandoned');
    expect(seen!.length).toBeGreaterThan(4096);
    expect(seen!.includes(Buffer.from(marker, 'utf8'))).toBe(false);
    expect(seen!.includes(Buffer.from(person.idNumber, 'utf8'))).toBe(false);
    expect(fs.existsSync(journal)).toBe(false);
    expect(await db.selectFrom('persons').select(['name', 'id_number']).execute()).toEqual([{ name: marker, id_number: person.idNumber }]);
  });
});
