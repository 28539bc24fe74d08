import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_PAGE_SIZE, openEncryptedCopyReadOnly, openEncryptedDatabase } from '../../src/main/db/open';
import { registerHouseholds } from '../../src/main/households/households.service';
import { PeopleGenerator } from '../fixtures/people';
import { ADMIN_PASSWORD, createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

const fileOf = (t: TestLedger, suffix = '') => path.join(t.dataDir, `ledger.db${suffix}`);
const contains = (file: string, text: string) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));

describe('the ledger file is encrypted as a whole', () => {
  it('has no plain SQLite header and keeps names out of the database and its WAL', async () => {
    const t = await createCounty();
    ledger = t;
    const marker = '慕容雪晴';
    await t.call(t.admin, 'users.create', { username: 'murong', displayName: marker, role: 'county_clerk', townshipId: null, password: 'Snow2026pass' });
    const person = new PeopleGenerator(7).person({ sex: 'female' });
    await registerHouseholds(t.backend.store.db, { userId: null, username: 'test' }, t.clock.now(), [
      {
        townshipId: t.east.id,
        villageId: t.eastVillage.id,
        address: '东山村1号',
        hukouType: 'rural',
        phone: null,
        members: [{ name: marker + '母', idNumber: person.idNumber, relation: 'self' }],
      },
    ]);
    // While open, the newest pages live in the WAL: it must be as opaque as the main file.
    expect(fs.existsSync(fileOf(t, '-wal'))).toBe(true);
    for (const suffix of ['', '-wal']) {
      expect(contains(fileOf(t, suffix), marker)).toBe(false);
      expect(contains(fileOf(t, suffix), person.idNumber)).toBe(false);
    }
    const header = fs.readFileSync(fileOf(t)).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
    // The key envelope holds no personal data either.
    expect(contains(path.join(t.dataDir, 'ledger.keys.json'), marker)).toBe(false);

    await t.backend.store.close();
    expect(contains(fileOf(t), marker)).toBe(false);
    // A plain SQLite driver without the key cannot read it.
    const plain = new Database(fileOf(t), { readonly: true });
    expect(() => plain.prepare('select * from users').all()).toThrow(/not a database/);
    plain.close();
  });

  it('fails cleanly on a wrong password and leaves every file byte-for-byte unchanged', async () => {
    const t = await createCounty();
    ledger = t;
    await t.call(t.admin, 'auth.logout', {});
    expect(t.backend.store.isOpen()).toBe(false);
    const before = t.fileHashes();
    const error = await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: 'Wrong2026pass' });
    expect(error).toMatchObject({ code: 'WRONG_CREDENTIALS', message: '用户名或密码错误' });
    expect(await t.failure(t.sessions.create(), 'auth.login', { username: 'nobody', password: 'Wrong2026pass' })).toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    expect(t.fileHashes()).toEqual(before);
    expect(t.backend.store.isOpen()).toBe(false);
  });

  it('refuses a wrong raw key without touching the file, and refuses an unencrypted file', async () => {
    const t = await createCounty();
    ledger = t;
    await t.backend.store.close();
    const before = t.fileHashes();
    expect(() => openEncryptedDatabase(fileOf(t), crypto.randomBytes(32), { create: false })).toThrow('台账文件无法解密');
    expect(t.fileHashes()).toEqual(before);

    const plainFile = path.join(t.dataDir, 'plain.db');
    const plain = new Database(plainFile);
    plain.exec('create table t(x)');
    plain.close();
    expect(() => openEncryptedDatabase(plainFile, crypto.randomBytes(32), { create: false })).toThrow('台账文件未加密');
  });

  it('makes new ledgers with 8 KiB pages and still opens one made with SQLCipher\'s 4 KiB, and its copies', async () => {
    const t = await createCounty();
    ledger = t;
    expect(t.backend.store.rawDatabase().pragma('page_size', { simple: true })).toBe(LEDGER_PAGE_SIZE);
    await t.backend.store.close();

    // As a ledger made before the change: SQLCipher 4 defaults, keyed before the first write.
    const key = crypto.randomBytes(32);
    const older = path.join(t.dataDir, 'older.db');
    const made = new Database(older);
    made.pragma(`cipher='sqlcipher'`);
    made.pragma('legacy=4');
    made.pragma(`key="x'${key.toString('hex')}'"`);
    made.exec(`create table t(x); insert into t values ('四千字节页')`);
    expect(made.pragma('page_size', { simple: true })).toBe(4096);
    made.close();

    const opened = openEncryptedDatabase(older, key, { create: false });
    expect(opened.pragma('page_size', { simple: true })).toBe(4096);
    expect(opened.prepare('select x from t').pluck().get()).toBe('四千字节页');
    opened.prepare('VACUUM INTO ?').run(path.join(t.dataDir, 'older-copy.db'));
    opened.close();
    const copy = openEncryptedCopyReadOnly(path.join(t.dataDir, 'older-copy.db'), key);
    expect(copy.prepare('select x from t').pluck().get()).toBe('四千字节页');
    copy.close();
    // A wrong key fails at every size, the same way.
    expect(() => openEncryptedDatabase(older, crypto.randomBytes(32), { create: false })).toThrow('台账文件无法解密');
  });

  it('opens again after closing with the right password, with everything still there', async () => {
    const t = await createCounty();
    ledger = t;
    await t.call(t.admin, 'auth.logout', {});
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const townships = await t.call(admin, 'regions.townships', {});
    expect(townships.map((x) => x.name)).toEqual(['东山镇', '西河乡']);
  });
});
