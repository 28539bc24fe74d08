/**
 * Foundation benchmarks:
 * 1. opening and unlocking the ledger (sign-in) against the bare key derivation it must do anyway;
 * 2. registering 100,000 persons through the service layer (validation, batches, audit chain) against
 *    the raw driver inserting the same rows in one transaction into an encrypted file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../src/main/app/create-backend';
import { silentLogger } from '../src/main/app/log';
import { authenticate, setupLedger } from '../src/main/auth/auth.service';
import { deriveKey, DEFAULT_SCRYPT } from '../src/main/auth/kdf';
import { openEncryptedDatabase } from '../src/main/db/open';
import { registerHouseholds, type HouseholdInput } from '../src/main/households/households.service';
import { saveTownship } from '../src/main/regions/regions.service';
import { checkIdNumber } from '../src/shared/domain/id-number';
import { PeopleGenerator } from '../tests/fixtures/people';
import { median, report } from './measure';

const PASSWORD = 'Bench2026pass';
const PERSONS = 100_000;

async function freshLedger() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-'));
  const { backend } = createBackend({ dataDir, log: silentLogger });
  await setupLedger(backend, { countyName: '基准县', countyCode: '431122', adminUsername: 'admin', adminDisplayName: '管理员', adminPassword: PASSWORD });
  return { dataDir, backend };
}

function households(townshipId: string): HouseholdInput[] {
  const people = new PeopleGenerator(99);
  const out: HouseholdInput[] = [];
  let persons = 0;
  while (persons < PERSONS) {
    const size = Math.min(1 + (out.length % 4), PERSONS - persons);
    const members = Array.from({ length: size }, (_, i) => {
      const p = people.person();
      return { name: p.name, idNumber: p.idNumber, relation: i === 0 ? ('self' as const) : ('other' as const) };
    });
    out.push({ townshipId, villageId: null, address: `第${out.length}号`, hukouType: 'rural', phone: null, members });
    persons += size;
  }
  return out;
}

export async function benchOpenAndInsert(): Promise<boolean> {
  let ok = true;
  console.log('\n## 打开并解锁台账');
  const { dataDir, backend } = await freshLedger();
  const salt = crypto.randomBytes(16);
  const kdf = await median(5, async () => {
    await deriveKey(PASSWORD, salt, DEFAULT_SCRYPT);
  });
  const open = await median(5, async () => {
    await authenticate(backend, 'admin', PASSWORD);
    await backend.store.close();
  });
  ok = report('登录（解包密钥 + 打开加密台账 + 迁移检查 + 审计）', open, '仅密钥派生 scrypt', kdf, 1.5) && ok;

  console.log(`\n## 写入 ${PERSONS.toLocaleString()} 人`);
  await authenticate(backend, 'admin', PASSWORD);
  const township = await saveTownship(backend.store.db, { userId: null, username: 'bench' }, new Date(), { code: '431122100', name: '基准镇', active: true });
  const input = households(township.id);
  const serviceStart = performance.now();
  await registerHouseholds(backend.store.db, { userId: null, username: 'bench' }, new Date(), input);
  const service = performance.now() - serviceStart;
  await backend.store.close();

  // Baseline: the same person rows, bare prepared inserts in one transaction, in a fresh encrypted file.
  const rawFile = path.join(dataDir, 'raw.db');
  const raw = openEncryptedDatabase(rawFile, crypto.randomBytes(32), { create: true });
  raw.exec('create table persons (id text primary key, household_id text, relation text, id_number text not null unique, name text not null, sex text not null, birth_date text not null, created_at text not null, updated_at text not null)');
  const insert = raw.prepare('insert into persons values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const rawStart = performance.now();
  raw.transaction(() => {
    let n = 0;
    for (const h of input) {
      for (const m of h.members) {
        const info = checkIdNumber(m.idNumber);
        if (!info.ok) throw new Error('bad fixture');
        insert.run(String(n++), null, m.relation, info.info.idNumber, m.name, info.info.sex, info.info.birthDate, now, now);
      }
    }
  })();
  const rawMs = performance.now() - rawStart;
  raw.close();
  console.log(`服务层：${Math.round(PERSONS / (service / 1000)).toLocaleString()} 人/秒；原始驱动：${Math.round(PERSONS / (rawMs / 1000)).toLocaleString()} 行/秒`);
  ok = report('服务层登记（校验 + 户 + 人 + 审计链）', service, '原始驱动逐行插入同样的人员行', rawMs) && ok;
  fs.rmSync(dataDir, { recursive: true, force: true });
  return ok;
}
