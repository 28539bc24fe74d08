/**
 * One side of the import bench in a process of its own, so its time and peak memory are its own and not
 * what writing the roster left behind: `stream FILE` reads the roster with exceljs only; `import FILE`
 * sets up a ledger in DIR and validates and commits the roster as one 建账 batch. Answers one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createBackend } from '../src/main/app/create-backend';
import { boundHeapGrowth } from '../src/main/app/heap';
import { silentLogger } from '../src/main/app/log';
import { acceptUpload } from '../src/main/rpc/uploads';
import type { Router } from '../src/main/rpc/router';
import type { Session } from '../src/main/rpc/sessions';

const PASSWORD = 'Bench2026pass';

export interface ChildResult {
  ms: number;
  /** Peak resident memory while the work ran, in MB (the whole process's where Linux cannot tell). */
  peakMb: number;
  detail: string;
}

/**
 * Signing in derives the key with scrypt, which briefly takes more memory than anything after it; on Linux
 * the peak is reset before the import starts (clear_refs 5), so it counts what the import itself needs.
 */
function resetPeak(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak stays the process's whole life.
  }
}

function peakMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function stream(file: string): Promise<string> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
  for await (const sheet of reader) for await (const _row of sheet) rows += 1;
  return `exceljs 流式读出 ${rows.toLocaleString()} 行`;
}

async function commitRoster(router: Router, session: Session, file: string) {
  const up = acceptUpload(session, path.basename(file), fs.readFileSync(file), Date.now());
  if (!up.ok) throw new Error(up.error.message);
  const result = await router.call(session, 'imports.commit', { uploadId: up.data.uploadId, purpose: 'initial_load' });
  if (!result.ok) throw new Error(result.error.message);
  return result.data as { households: number; persons: number };
}

/** Signs in to the ledger in DIR, first setting it up (county, township, village) when there is none. */
async function signIn(dir: string) {
  const opened = createBackend({ dataDir: path.join(dir, 'ledger'), log: silentLogger });
  const { backend, router, sessions } = opened;
  const fresh = !backend.store.isInitialized();
  if (fresh) await router.call(sessions.create(), 'setup.create', { countyName: '基准县', countyCode: '431122', adminUsername: 'admin', adminDisplayName: '管理员', adminPassword: PASSWORD });
  const admin = sessions.create();
  await router.call(admin, 'auth.login', { username: 'admin', password: PASSWORD });
  if (fresh) {
    const town = await router.call(admin, 'regions.saveTownship', { code: '431122100', name: '城关镇' });
    if (!town.ok) throw new Error(town.error.message);
    await router.call(admin, 'regions.saveVillage', { townshipId: (town.data as { id: string }).id, code: '431122100201', name: '城关村', kind: 'village' });
  }
  return { ...opened, admin };
}

/** Fills the ledger in DIR with the EARLIER rosters, so the measured import starts in a process of its own. */
async function prepareLedger(dir: string, earlier: string[]): Promise<{ ms: number; detail: string }> {
  const { backend, router, admin } = await signIn(dir);
  let persons = 0;
  for (const roster of earlier) persons += (await commitRoster(router, admin, roster)).persons;
  await backend.store.close();
  return { ms: 0, detail: `台账已有 ${persons.toLocaleString()} 人` };
}

async function importRoster(file: string, dir: string): Promise<{ ms: number; detail: string }> {
  const { backend, router, admin } = await signIn(dir);
  resetPeak();
  const t0 = performance.now();
  const r = await commitRoster(router, admin, file);
  const ms = performance.now() - t0;
  await backend.store.close();
  return { ms, detail: `校验并建账 ${r.households.toLocaleString()} 户 ${r.persons.toLocaleString()} 人` };
}

const [mode, file, dir, ...earlier] = process.argv.slice(2);
// As the app's entries do (Electron main, the command line); the exceljs side gets the same heap.
boundHeapGrowth();
const t0 = performance.now();
const done =
  mode === 'stream' ? { detail: await stream(file!), ms: performance.now() - t0 } : mode === 'prepare' ? await prepareLedger(file!, [dir!, ...earlier]) : await importRoster(file!, dir!);
const out: ChildResult = { ...done, peakMb: peakMb() };
process.stdout.write(`${JSON.stringify(out)}\n`);
