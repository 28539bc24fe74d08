/**
 * A seeded fuzzer over the whole contract and the roster import. Every method gets valid samples from its
 * schema (tests/fixtures/schema-samples.ts) and then mutations of them — wrong types, null, missing and extra
 * fields, huge strings, control characters, NaN, `__proto__` keys, deep nesting — called as the administrator
 * and as a township clerk. Township rosters get their bytes mutated (bit flips, truncation, a broken zip
 * entry, formulas and huge cells) and go through upload, preview, problem workbook and commit. Each answer is
 * ok or a wire error with a known code and a Chinese message, never INTERNAL; a failed import leaves the
 * ledger as it was. The same seed gives the same inputs on every run: FUZZ_SEED=n explores another,
 * PROBE_DEBUG=1 prints every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { contract, type MethodName } from '../../src/shared/api/contract';
import type { WireResult } from '../../src/shared/api/errors';
import type { ImportPreview } from '../../src/shared/api/imports.schemas';
import { ROLES, type Role } from '../../src/shared/domain/roles';
import type { Session } from '../../src/main/rpc/sessions';
import { ENDS_SESSION, METHODS, OWN_TOWNSHIP, RUN_LAST, confinePaths, createProbeCounty, entityKindOf, mayCall, upload, wireErrorProblem, type ProbeCounty } from '../fixtures/probe-county';
import { SeededRandom, fieldNames, mutate, sampleOf, seedOf, type FieldRef } from '../fixtures/schema-samples';
import { cleanDibaoXlsx, messyDibaoXlsx, personRosterCsvGbk } from '../fixtures/messy-rosters';
import { corruptZip, emptyFile, htmlAsXls, hugeCellXlsx, minimalXlsx, passwordProtectedXlsx, xlsRenamedXlsx } from '../fixtures/bad-files';

/** The run's seed: change it to explore, keep it to reproduce. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261120);
/**
 * Inputs per method and caller: the first VALID_SAMPLES straight from the schema, then by turns a sample with
 * edge values (the pattern's nonsense, the bounds, null) and mutations of the valid ones.
 */
const INPUTS_PER_METHOD = 20;
const VALID_SAMPLES = 2;
/** Mutated roster files, each uploaded and previewed (and committed when the preview allows it). */
const IMPORT_FILES = 150;

/** Well-formed, and naming nothing (an upload id is 32 hex digits, every other id a ULID). */
const UNKNOWN_ID = 'ffffffffffffffffffffffffffffffff';

/** Who calls each method (where their role may). */
const CALLERS: Role[] = ['admin', 'township_clerk'];

let c: ProbeCounty;
beforeAll(async () => {
  c = await createProbeCounty(40);
}, 120_000);
afterAll(async () => {
  await c?.dispose();
});

/** Why an answer is not one a clerk may see, or null. */
function problemOf(result: WireResult<unknown>): string | null {
  if (result.ok) return null;
  const problem = wireErrorProblem(result.error);
  return problem && result.error.code === 'INTERNAL' ? `${problem} — ${c.internals.at(-1) ?? ''}` : problem;
}

/** Short, printable text of an input for a failure report. */
function shown(input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? '[Map]' : v));
  } catch {
    text = String(input);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

// ---- roster mutations

type RosterFile = { fileName: string; data: Buffer };

function flipBits(data: Buffer, rng: SeededRandom): Buffer {
  const out = Buffer.from(data);
  for (let n = rng.int(1, 40); n > 0 && out.length > 0; n--) {
    const i = rng.int(0, out.length - 1);
    out[i] = out[i]! ^ (1 << rng.int(0, 7));
  }
  return out;
}

const truncate = (data: Buffer, rng: SeededRandom) => Buffer.from(data.subarray(0, rng.int(0, data.length)));

/** Damages one zip entry: its compressed bytes, its sizes, its name, or the central directory. */
function breakZipEntry(data: Buffer, rng: SeededRandom): Buffer {
  const out = Buffer.from(data);
  const local: number[] = [];
  for (let i = out.indexOf('PK\x03\x04'); i >= 0; i = out.indexOf('PK\x03\x04', i + 4)) local.push(i);
  if (local.length === 0) return flipBits(out, rng);
  const at = rng.pick(local);
  const nameLength = out.readUInt16LE(at + 26);
  const start = at + 30 + nameLength + out.readUInt16LE(at + 28);
  switch (rng.int(0, 3)) {
    case 0:
      for (let k = 0; k < 16 && start + k < out.length; k++) out[start + rng.int(0, 64) + k < out.length ? start + k : start] = rng.int(0, 255);
      break;
    case 1:
      out.writeUInt32LE(rng.pick([0, 1, 0xffffffff, rng.int(0, 1 << 30)]), at + rng.pick([18, 22]));
      break;
    case 2:
      out.write('xl/../../evil.xml'.slice(0, nameLength), at + 30, 'latin1');
      break;
    default: {
      const central = out.lastIndexOf('PK\x01\x02');
      if (central >= 0) out.fill(rng.int(0, 255), central, Math.min(out.length, central + 46));
    }
  }
  return out;
}

const FORMULAS = ['SUM(A1:A9)', 'HYPERLINK("http://example.invalid","点我")', '1/0', 'INDIRECT("A"&ROW())', 'A1', 'CONCAT(B2,C2)', 'WEBSERVICE("http://example.invalid")'];

/** Rewrites random cells of a workbook: formulas, huge text, error values, odd types. */
async function editCells(data: Buffer, rng: SeededRandom): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return data;
  const rows = Math.max(ws.rowCount, 3);
  const cols = Math.max(ws.columnCount, 3);
  for (let n = rng.int(1, 12); n > 0; n--) {
    const cell = ws.getCell(rng.int(1, rows + 2), rng.int(1, cols + 1));
    switch (rng.int(0, 6)) {
      case 0:
        cell.value = { formula: rng.pick(FORMULAS), result: rng.pick<string | number>(['431122195003150012', 12, '张三']) } as ExcelJS.CellFormulaValue;
        break;
      case 1:
        cell.value = '王'.repeat(rng.pick([300, 5_000, 32_767]));
        break;
      case 2:
        cell.value = { error: rng.pick(['#REF!', '#DIV/0!', '#N/A', '#VALUE!']) } as ExcelJS.CellErrorValue;
        break;
      case 3:
        cell.value = rng.pick<ExcelJS.CellValue>([new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31)), -1e308, 4.31122195003150e17, true, null]);
        break;
      case 4:
        cell.value = { richText: [{ text: '\u0000\u202e' }, { text: '=cmd|"/c calc"!A1' }] };
        break;
      case 5:
        cell.value = `=${rng.pick(FORMULAS)}`;
        break;
      default:
        try {
          ws.mergeCells(rng.int(1, rows), rng.int(1, cols), rng.int(1, rows + 3), rng.int(1, cols + 2));
        } catch {
          // overlapping merges are refused by ExcelJS itself
        }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites a CSV's text: formulas, huge cells, stray quotes, NUL bytes, another encoding or delimiter. */
function editCsv(data: Buffer, rng: SeededRandom): Buffer {
  const lines = iconv.decode(data, 'gbk').split('\n');
  for (let n = rng.int(1, 6); n > 0; n--) {
    const i = rng.int(0, lines.length - 1);
    const cells = lines[i]!.split(',');
    const j = rng.int(0, cells.length - 1);
    cells[j] = rng.pick(['=1+1', '@SUM(A1)', '"unclosed', '\u0000', '"a""b"', '王'.repeat(rng.pick([1_000, 40_000])), '', '4.31122E+17', '-', '１９４８．３．２']);
    lines[i] = cells.join(rng.chance(0.8) ? ',' : rng.pick(['\t', ';']));
  }
  const text = lines.join(rng.chance(0.5) ? '\n' : '\r\n');
  return rng.chance(0.5) ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('inputs the fuzzer broke once', () => {
  it('reads a sheet whose row numbers are damaged or go back and whose date cells are out of range, and writes its problems back', async () => {
    const sheet =
      `<row r="1">${inline('A1', '城关街道高龄津贴发放名册')}</row>` +
      `<row r="2">${inline('A2', '姓名')}${inline('B2', '身份证号码')}${inline('C2', '出生日期')}</row>` +
      `<row r="3x">${inline('A3', '王秀英')}${inline('B3', '431122193001010021')}<c r="C3" s="1"><v>1e300</v></c></row>` +
      `<row r="-7">${inline('A4', '李建国')}${inline('B4', '431122193202020013')}<c r="C4" s="1"><v>4.3112219300101e17</v></c></row>` +
      `<row r="2">${inline('A2', '张桂兰')}${inline('B2', '431122193303030020')}<c r="C2" s="1"><v>-5</v></c></row>`;
    const clerk = c.sessions.get('township_clerk')!;
    const uploadId = upload(clerk, '高龄津贴名册.xlsx', minimalXlsx(sheet), c.clock.now().getTime());
    const settings = { uploadId, purpose: 'reconcile', program: 'gaoling' } as const;
    const preview = await c.call(clerk, 'imports.preview', settings);
    expect(preview.totals.persons).toBe(3);
    expect(preview.problems.every((p) => Number.isInteger(p.row) && p.row >= 3 && p.row <= 5)).toBe(true);
    expect(await c.call(clerk, 'imports.problemsWorkbook', settings)).toMatchObject({ kind: 'saved', fileName: '高龄津贴名册_问题清单.xlsx' });
  });

  it('refuses a backup file name longer than a file system takes, before writing anything', async () => {
    const refused = await c.failure(c.admin, 'backup.create', { folder: c.diskDir, fileName: '李建国'.repeat(40) });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: '文件名太长（中文不超过 60 字）' });
  });

  it('refuses a 儿童主任 of a township that does not exist, instead of failing inside', async () => {
    const refused = await c.failure(c.admin, 'care.directors.save', { townshipId: UNKNOWN_ID, villageId: null, name: '张桂兰' });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: '所属乡镇（街道）不存在' });
  });

  it('refuses to add a member whose ID number the household already has, with the reason', async () => {
    const householdId = c.pools.household(c.own)[0]!;
    const member = c.backend.store.rawDatabase().prepare('select name, id_number from persons where household_id = ? limit 1').get(householdId) as { name: string; id_number: string };
    const refused = await c.failure(c.admin, 'persons.add', { householdId, member: { name: member.name, idNumber: member.id_number, relation: 'son' }, reason: '补录家庭成员' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('同一人不能登记在两户');
  });
});

describe('fuzzing the roster import', () => {
  it('answers every damaged roster with a result or a clear refusal, and a failed import changes nothing', async () => {
    const rng = new SeededRandom(SEED);
    const villages = ['东门社区', '西门社区', '南关社区'];
    // Readable rosters most of the time, so that damage reaches the reading of cells and the commit.
    const rosters: RosterFile[] = [
      await cleanDibaoXlsx({ seed: 11, townshipName: OWN_TOWNSHIP, villageNames: villages, households: 6 }),
      await messyDibaoXlsx({ seed: 12, townshipName: OWN_TOWNSHIP, villageNames: villages }),
      personRosterCsvGbk({ seed: 13, townshipName: OWN_TOWNSHIP, villageNames: villages, program: 'gaoling', rows: 14 }),
      { fileName: `${OWN_TOWNSHIP}低保花名册.xlsx`, data: c.rosters.get(c.own)!.data },
    ];
    const broken: RosterFile[] = [await corruptZip(), await hugeCellXlsx(), passwordProtectedXlsx(), xlsRenamedXlsx(), htmlAsXls(), emptyFile()];
    const seeds = [...rosters, ...broken];
    const problems: string[] = [];
    const tally = { files: 0, previews: 0, read: 0, workbooks: 0, commits: 0, committed: 0 };
    for (let n = 0; n < IMPORT_FILES; n++) {
      const base = rng.chance(0.8) ? rng.pick(rosters) : rng.pick(broken);
      const isZip = base.data.subarray(0, 2).toString('latin1') === 'PK';
      const isCsv = base.fileName.endsWith('.csv');
      const how = rng.pick(['flip', 'truncate', 'none', ...(isZip ? ['zip', 'cells', 'cells', 'cells', 'cells'] : []), ...(isCsv ? ['csv', 'csv', 'csv', 'csv'] : [])]);
      let data: Buffer;
      try {
        data = how === 'flip' ? flipBits(base.data, rng) : how === 'truncate' ? truncate(base.data, rng) : how === 'zip' ? breakZipEntry(base.data, rng) : how === 'cells' ? await editCells(base.data, rng) : how === 'csv' ? editCsv(base.data, rng) : base.data;
      } catch {
        data = flipBits(base.data, rng); // a workbook ExcelJS itself cannot read: damage its bytes instead
      }
      const role: Role = n % 2 === 0 ? 'admin' : 'township_clerk';
      const session = c.sessions.get(role)!;
      const where = `file ${n} (${base.fileName}, ${how}, as ${role})`;
      const uploadId = upload(session, base.fileName, data, c.clock.now().getTime());
      tally.files += 1;
      const settings = {
        uploadId,
        purpose: role === 'admin' && rng.chance(0.5) ? ('initial_load' as const) : ('reconcile' as const),
        ...(rng.chance(0.3) ? { program: rng.pick(['dibao', 'tekun', 'gaoling'] as const) } : {}),
      };

      const before = c.ledgerState();
      const preview = (await c.router.call(session, 'imports.preview', settings)) as WireResult<ImportPreview>;
      tally.previews += 1;
      const p = problemOf(preview);
      if (p) problems.push(`${where}: preview: ${p}`);
      if (c.ledgerState() !== before) problems.push(`${where}: the preview changed the ledger`);
      if (process.env.PROBE_DEBUG) console.log(`fuzz ${where}: ${preview.ok ? `ok, ${preview.data.totals.persons} persons, commit ${preview.data.commit.allowed}` : `${preview.error.code} ${preview.error.message}`}`);
      if (!preview.ok) continue;
      tally.read += 1;

      if (rng.chance(0.3)) {
        const workbook = await c.router.call(session, 'imports.problemsWorkbook', settings);
        tally.workbooks += 1;
        const w = problemOf(workbook);
        if (w) problems.push(`${where}: problems workbook: ${w}`);
      }
      if (!preview.data.commit.allowed && !rng.chance(0.2)) continue;
      const digest = c.ledgerDigest();
      const commit = await c.router.call(session, 'imports.commit', settings);
      tally.commits += 1;
      const k = problemOf(commit);
      if (k) problems.push(`${where}: commit: ${k}`);
      if (commit.ok) tally.committed += 1;
      else if (c.ledgerDigest() !== digest) problems.push(`${where}: the refused commit (${commit.error.code} ${commit.error.message}) changed the ledger`);
    }
    console.log(
      `fuzz (import): ${tally.files} damaged rosters from ${seeds.length} seed files → ${tally.previews} previews (${tally.read} read), ${tally.workbooks} problem workbooks, ${tally.commits} commits (${tally.committed} committed)`,
    );
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('ids of records that do not exist', () => {
  it('answers each id-like field holding an unknown id with a refusal or an empty answer, never INTERNAL', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const method of METHODS) {
      const keys = [...fieldNames(contract[method].input)].filter((k) => entityKindOf(method, k) !== null);
      const allowed = ROLES.filter((r) => mayCall(method, r));
      const callers = CALLERS.filter((r) => allowed.includes(r));
      for (const role of callers.length > 0 ? callers : allowed.slice(0, 1)) {
        for (const key of keys) {
          const session = ENDS_SESSION.has(method) ? await c.signIn(role) : c.sessions.get(role)!;
          const { pick } = c.pickFor(method, session, () => c.own);
          const unknown = (field: FieldRef) => (field.key === key ? (/Ids$/.test(key) && typeof field.path.at(-1) !== 'number' ? [UNKNOWN_ID] : UNKNOWN_ID) : pick(field));
          const input = confinePaths(sampleOf(contract[method].input, { rng: new SeededRandom(seedOf(`${SEED}:${method}:${key}`)), pick: unknown }), c.diskDir);
          const result = await c.router.call(session, method, input);
          calls += 1;
          const problem = problemOf(result);
          if (problem) problems.push(`${method} as ${role}, unknown ${key}: ${problem}`);
        }
      }
    }
    console.log(`fuzz (unknown ids): ${calls} calls, each with one id-like field naming no record`);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('fuzzing every contract method', () => {
  it('answers every input with ok or a known error in Chinese, never INTERNAL', async () => {
    const problems: string[] = [];
    const order = [...METHODS.filter((m) => !RUN_LAST.has(m)), ...METHODS.filter((m) => RUN_LAST.has(m))];
    const tally = { calls: 0, valid: 0, edges: 0, mutated: 0 };
    const sessions = new Map<Role, Session>(ROLES.map((r) => [r, c.sessions.get(r)!]));

    for (const method of order) {
      const def = contract[method as MethodName];
      // The administrator and the township clerk where their role may call the method (a refused role is
      // the access matrix's business), else the first role that may.
      const allowed = ROLES.filter((r) => mayCall(method, r));
      const callers = CALLERS.filter((r) => allowed.includes(r));
      for (const role of callers.length > 0 ? callers : allowed.slice(0, 1)) {
        const rng = new SeededRandom(seedOf(`${SEED}:${method}:${role}`));
        let session = ENDS_SESSION.has(method) ? await c.signIn(role) : sessions.get(role)!;
        const { pick } = c.pickFor(method, session, () => c.own);
        const valid = Array.from({ length: VALID_SAMPLES }, (_, i) => sampleOf(def.input, { rng, pick, optional: i === 0 ? 'picked' : 'all' }));
        for (let i = 0; i < INPUTS_PER_METHOD; i++) {
          const kind = i < VALID_SAMPLES ? 'valid' : i % 3 === 0 ? 'edges' : ('mutated' as const);
          const raw = kind === 'valid' ? valid[i] : kind === 'edges' ? sampleOf(def.input, { rng, pick, optional: 'all', edges: 0.3 }) : mutate(rng.pick(valid), rng);
          const input = confinePaths(raw, c.diskDir);
          const result = await c.router.call(session, method, input);
          tally.calls += 1;
          tally[kind] += 1;
          const problem = problemOf(result);
          if (problem) problems.push(`${method} as ${role}, input ${shown(input)}: ${problem}`);
          if (process.env.PROBE_DEBUG) console.log(`fuzz ${method} as ${role} (${kind}): ${result.ok ? 'ok' : `${result.error.code} ${result.error.message}`}`);
          // Signing out, locking or a restore ends the session: sign in again for the next input.
          if (!session.user || session.locked) {
            session = await c.signIn(role);
            if (!ENDS_SESSION.has(method)) sessions.set(role, session);
          }
        }
      }
    }
    console.log(
      `fuzz (contract): ${METHODS.length} methods × ${INPUTS_PER_METHOD} inputs per permitted caller (administrator, township clerk, or the first role permitted) = ` +
        `${tally.calls} calls (${tally.valid} valid samples, ${tally.edges} with edge values, ${tally.mutated} mutated), seed ${SEED}`,
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
