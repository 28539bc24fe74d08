/**
 * One side of the import bench in a process of its own, so its time and peak memory are its own and not
 * what writing the roster left behind: `stream FILE` reads the roster with exceljs only; `import FILE DIR`
 * sets up a ledger in DIR and validates and commits the roster as one 建账 batch; `check FILE DIR` only
 * reads and validates it (the preview, nothing written); `writes FILE DIR` times only the ledger writes of
 * that batch (see writesAlone). Answers one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createBackend } from '../src/main/app/create-backend';
import { boundHeapGrowth } from '../src/main/app/heap';
import { silentLogger } from '../src/main/app/log';
import { asBulkWrite } from '../src/main/db/bulk-write';
import { withIndexesDeferred } from '../src/main/db/deferred-indexes';
import { FLUSH } from '../src/main/imports/commit';
import { insertMany } from '../src/main/db/insert-many';
import { acceptUpload } from '../src/main/rpc/uploads';
import type { Router } from '../src/main/rpc/router';
import type { Session } from '../src/main/rpc/sessions';

const PASSWORD = 'Bench2026pass';

export interface ChildResult {
  ms: number;
  /** Processor time (user and system, all threads) of the same work: steadier than the clock when the machine is shared. */
  cpuMs: number;
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

type Timing = Pick<ChildResult, 'ms' | 'cpuMs'>;
/** What a mode answers, before the peak memory is added. */
type Measured = Omit<ChildResult, 'peakMb'>;

/**
 * With DOUDI_BENCH_BARRIER naming a folder, the timed work starts only once another child has come to the
 * same point: two halves of the import measured running at once, as a pipeline would run them.
 */
function awaitSibling(): void {
  const folder = process.env.DOUDI_BENCH_BARRIER;
  if (!folder) return;
  fs.writeFileSync(path.join(folder, String(process.pid)), '');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (fs.readdirSync(folder).length < 2) Atomics.wait(pause, 0, 0, 2);
}

/** Times `work` by the clock and by the processor. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T } & Timing> {
  awaitSibling();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function stream(file: string): Promise<Measured> {
  let rows = 0;
  const { ms, cpuMs } = await timed(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
    for await (const sheet of reader) for await (const _row of sheet) rows += 1;
  });
  return { ms, cpuMs, detail: `exceljs 流式读出 ${rows.toLocaleString()} 行` };
}

async function commitRoster(router: Router, session: Session, file: string) {
  return (await callWithRoster(router, session, file, 'imports.commit')) as { households: number; persons: number };
}

/** Uploads the roster and calls an import method on it as the 建账 the UI would start. */
async function callWithRoster(router: Router, session: Session, file: string, method: 'imports.commit' | 'imports.preview'): Promise<unknown> {
  const up = acceptUpload(session, path.basename(file), fs.readFileSync(file), Date.now());
  if (!up.ok) throw new Error(up.error.message);
  const result = await router.call(session, method, { uploadId: up.data.uploadId, purpose: 'initial_load' });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
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
async function prepareLedger(dir: string, earlier: string[]): Promise<Measured> {
  const { backend, router, admin } = await signIn(dir);
  let persons = 0;
  for (const roster of earlier) persons += (await commitRoster(router, admin, roster)).persons;
  await backend.store.close();
  return { ms: 0, cpuMs: 0, detail: `台账已有 ${persons.toLocaleString()} 人` };
}

async function importRoster(file: string, dir: string): Promise<Measured> {
  const { backend, router, admin } = await signIn(dir);
  resetPeak();
  const { result: r, ms, cpuMs } = await timed(() => commitRoster(router, admin, file));
  await backend.store.close();
  return { ms, cpuMs, detail: `校验并建账 ${r.households.toLocaleString()} 户 ${r.persons.toLocaleString()} 人` };
}

/** What the preview costs: the roster read and validated against the ledger in DIR, nothing written. */
async function checkRoster(file: string, dir: string): Promise<Measured> {
  const { backend, router, admin } = await signIn(dir);
  resetPeak();
  const { result, ms, cpuMs } = await timed(() => callWithRoster(router, admin, file, 'imports.preview'));
  await backend.store.close();
  const { totals } = result as { totals: { households: number; persons: number; valid: number } };
  return { ms, cpuMs, detail: `读取并校验 ${totals.households.toLocaleString()} 户 ${totals.persons.toLocaleString()} 人（有效 ${totals.valid.toLocaleString()} 人），不写入` };
}

type Row = Record<string, unknown>;

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The tables a 建账 batch writes, in the order the import writes them. */
const BATCH_TABLES = ['households', 'persons', 'enrollments', 'enrollment_members', 'enrollment_amounts'] as const;

/**
 * The floor under any import of this roster: the same batch's rows, taken from a ledger it was imported
 * into, written again into a copy of that ledger made before the import, by the same bulk insert, page
 * cache and journal, in slices of households as the import writes them (FLUSH); no reading, checking or row
 * building; the plain indexes of persons built afterwards as the import does. Only the writes and the
 * commit are timed.
 */
async function writesAlone(file: string, dir: string): Promise<Measured> {
  const first = await signIn(dir);
  await first.backend.store.close();
  const copy = `${dir}-copy`;
  fs.cpSync(dir, copy, { recursive: true });
  const imported = await signIn(dir);
  await commitRoster(imported.router, imported.admin, file);
  const raw = imported.backend.store.rawDatabase();
  const rows = (sqlText: string) => raw.prepare(sqlText).all() as Row[];
  // In ULID order, as the import made them.
  const ofBatch = (table: string) => rows(`select * from ${table} where import_batch_id is not null order by id`);
  const ofItsEnrollments = (table: string) => rows(`select * from ${table} where enrollment_id in (select id from enrollments where import_batch_id is not null)`);
  const batches = rows('select * from import_batches');
  const households = ofBatch('households');
  const personRows = ofBatch('persons');
  const persons = groupBy(personRows, 'household_id');
  const enrollments = groupBy(ofBatch('enrollments'), 'household_id');
  const members = groupBy(ofItsEnrollments('enrollment_members'), 'enrollment_id');
  const amounts = groupBy(ofItsEnrollments('enrollment_amounts'), 'enrollment_id');
  await imported.backend.store.close();
  const slices: Record<(typeof BATCH_TABLES)[number], Row[]>[] = [];
  for (let i = 0; i < households.length; i += FLUSH) {
    const hs = households.slice(i, i + FLUSH);
    const es = hs.flatMap((h) => enrollments.get(h.id as string) ?? []);
    slices.push({
      households: hs,
      persons: hs.flatMap((h) => persons.get(h.id as string) ?? []),
      enrollments: es,
      enrollment_members: es.flatMap((e) => members.get(e.id as string) ?? []),
      enrollment_amounts: es.flatMap((e) => amounts.get(e.id as string) ?? []),
    });
  }
  const { backend } = await signIn(copy);
  const db = backend.store.db;
  resetPeak();
  const { ms, cpuMs } = await timed(() =>
    asBulkWrite(
      db,
      async (trx, references) => {
        await insertMany(trx, 'import_batches', batches as never[], references);
        await withIndexesDeferred(trx, 'persons', personRows.length, async () => {
          for (const slice of slices) for (const table of BATCH_TABLES) await insertMany(trx, table, slice[table] as never[], references);
        });
      },
      { checkReferences: true },
    ),
  );
  await backend.store.close();
  return { ms, cpuMs, detail: `只写入同一批次的 ${households.length.toLocaleString()} 户 ${personRows.length.toLocaleString()} 人` };
}

const [mode, file, dir, ...earlier] = process.argv.slice(2);
// As the app's entries do (Electron main, the command line); the exceljs side gets the same heap.
boundHeapGrowth();
const done =
  mode === 'stream'
    ? await stream(file!)
    : mode === 'prepare'
      ? await prepareLedger(file!, [dir!, ...earlier])
      : mode === 'writes'
        ? await writesAlone(file!, dir!)
        : mode === 'check'
          ? await checkRoster(file!, dir!)
          : await importRoster(file!, dir!);
const out: ChildResult = { ...done, peakMb: peakMb() };
process.stdout.write(`${JSON.stringify(out)}\n`);
