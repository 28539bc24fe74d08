/** A fresh encrypted ledger for a benchmark: set up, signed in, with numbered townships; removed afterwards unless BENCH_KEEP is set. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../src/main/app/create-backend';
import { silentLogger } from '../src/main/app/log';
import { authenticate, setupLedger } from '../src/main/auth/auth.service';
import { saveTownship } from '../src/main/regions/regions.service';

export const BENCH_PASSWORD = 'Bench2026pass';

export async function benchLedger(name: string, townshipCount: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `doudi-bench-${name}-`));
  const { backend } = createBackend({ dataDir, log: silentLogger });
  await setupLedger(backend, { countyName: '基准县', countyCode: '431122', adminUsername: 'admin', adminDisplayName: '管理员', adminPassword: BENCH_PASSWORD });
  await authenticate(backend, 'admin', BENCH_PASSWORD);
  const db = backend.store.db;
  const actor = { userId: null, username: 'bench' };
  const townships: string[] = [];
  for (let i = 0; i < townshipCount; i++) townships.push((await saveTownship(db, actor, new Date(), { code: `431122${String(100 + i)}`, name: `第${i + 1}镇`, active: true })).id);
  return {
    backend,
    db,
    townships,
    dataDir,
    async dispose() {
      await backend.store.close();
      if (process.env.BENCH_KEEP) console.log(`（保留基准台账：${dataDir}）`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
