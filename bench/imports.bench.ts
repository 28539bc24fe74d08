/**
 * A 100,000-row 低保 roster (households as merged blocks) validated and committed as one 建账 batch,
 * against the time exceljs needs just to stream the same file (target ≤ 1.6×), with the peak memory of
 * the process doing it (target < 400 MB). Then the same roster into a county ledger that already holds
 * 300,000 people from three earlier batches, as most counties' ledgers will: the indexes a batch updates
 * are then larger than an empty ledger's, which is what a page cache sized for an empty one hid. Between
 * them, the import's two halves apart: reading and checking alone (the preview), and the floor of the
 * writes, the same batch's rows written alone with nothing read or checked; then both at once, which bounds
 * what overlapping them (a reading thread beside a writing one) could ever reach on this machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { execFile, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mergeDisjoint } from '../src/main/excel/merge-block';
import { PeopleGenerator } from '../tests/fixtures/people';
import { report } from './measure';
import type { ChildResult } from './imports-child';

const PERSONS = 100_000;
/** Pairs of an exceljs read and an import, the median ratio reported. */
const ROUNDS = 5;
/** Earlier batches of the populated ledger. */
const EARLIER = 3;

/**
 * Characters of given names: the generator's 30 given names make only 660 distinct names, where a county
 * has tens of thousands, and an index or a cache that meets the same few keys again and again would look
 * cheaper than it is. One or two of these after the generator’s surname: about 62,000 of 100,000 names distinct.
 */
const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅建国志德福长林春生正清海燕云飞鹏宇浩然子轩欣怡梓萱雨涵淑珍凤琴翠花金银宝贵荣光辉文武成山水秋冬东南'];

function countyName(people: PeopleGenerator, generated: string): string {
  const surname = generated.startsWith('欧阳') || generated.startsWith('司马') ? generated.slice(0, 2) : generated[0]!;
  const given = Array.from({ length: people.rng.chance(0.2) ? 1 : 2 }, () => people.rng.pick(GIVEN_CHARS)).join('');
  return surname + given;
}

/** One roster of PERSONS people; rosters from one generator share no one. */
async function writeRoster(file: string, people: PeopleGenerator): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['城关镇2026年11月农村低保花名册']).commit();
  ws.addRow(['序号', '村（社区）', '户主姓名', '家庭人口', '月保障金额（元）', '姓名', '性别', '身份证号码', '与户主关系', '出生日期', '银行账号', '备注']).commit();
  let n = 0;
  let household = 0;
  while (n < PERSONS) {
    household += 1;
    const size = Math.min(1 + (household % 4), PERSONS - n);
    const members = Array.from({ length: size }, (_, k) => people.person(k === 0 ? { bornFrom: 1940, bornTo: 1975 } : { bornFrom: 1976, bornTo: 2018 })).map((m) => ({ ...m, name: countyName(people, m.name) }));
    const top = n + 3;
    const rows = members.map((m, k) =>
      ws.addRow(
        k === 0
          ? [household, '城关村', m.name, size, 300 * size, m.name, m.sex === 'male' ? '男' : '女', m.idNumber, '户主', m.birthDate, `62170000${String(household).padStart(10, '0')}`, null]
          : [null, null, null, null, null, m.name, m.sex === 'male' ? '男' : '女', m.idNumber, k === 1 ? '配偶' : '子', m.birthDate, null, null],
      ),
    );
    if (size > 1) for (const c of [1, 2, 3, 4, 5, 11]) mergeDisjoint(ws as unknown as ExcelJS.Worksheet, top, c, top + size - 1, c);
    for (const r of rows) r.commit();
    n += size;
  }
  ws.addRow(['合计']).commit();
  await ws.commit();
  await wb.commit();
}

/**
 * The child as one bundled script, as the app runs its main process (electron-vite bundles it, and the
 * worker thread a large roster is read in as an entry of its own, beside it): under the tsx loader every
 * module would be compiled in the process at start, about 50–80 MB that the app never holds, counted into
 * the import's peak. Written under node_modules so the native driver and exceljs resolve from there.
 */
async function bundleChild(): Promise<string> {
  const outdir = path.join(import.meta.dirname, '..', 'node_modules', '.cache', 'doudi-bench');
  await build({
    entryPoints: {
      'imports-child': path.join(import.meta.dirname, 'imports-child.ts'),
      'roster-worker': path.join(import.meta.dirname, '..', 'src', 'main', 'imports', 'analyze', 'roster-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outdir,
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3-multiple-ciphers', 'exceljs'],
    // CommonJS dependencies inside an ES module bundle still call require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return path.join(outdir, 'imports-child.mjs');
}

/** Runs one side of the bench in a fresh Node process. */
function inChild(script: string, ...args: string[]): ChildResult {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`基准子进程失败：${run.stderr}`);
  return resultOf(run.stdout);
}

const resultOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;

/** Two sides at once, each in its own process, their timed work started together (see awaitSibling). */
async function inChildrenAtOnce(script: string, barrier: string, a: string[], b: string[]): Promise<[ChildResult, ChildResult]> {
  fs.mkdirSync(barrier);
  const run = (args: string[]) =>
    new Promise<ChildResult>((resolve, reject) => {
      execFile(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, DOUDI_BENCH_BARRIER: barrier } }, (err, stdout, stderr) =>
        err ? reject(new Error(`基准子进程失败：${stderr}`)) : resolve(resultOf(stdout)),
      );
    });
  return Promise.all([run(a), run(b)]);
}

/** The same comparison in processor time, steadier than the clock on a machine whose speed comes and goes. */
function cpuLine(measured: ChildResult, baseline: ChildResult): void {
  console.log(`  处理器时间：${measured.cpuMs.toFixed(0)} ms 对 ${baseline.cpuMs.toFixed(0)} ms，${(measured.cpuMs / baseline.cpuMs).toFixed(2)}×`);
}

export async function benchImports(): Promise<boolean> {
  console.log(`\n## 导入：${PERSONS.toLocaleString()} 行花名册（按户合并单元格）`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-import-'));
  try {
    const people = new PeopleGenerator(42, '431122');
    const file = path.join(dir, 'roster.xlsx');
    await writeRoster(file, people);
    const child = await bundleChild();
    console.log(`文件 ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB；两边各在一个新进程中运行（打包后的脚本，与应用主进程相同）`);
    // This machine's speed comes and goes by half for minutes at a time, under either side of a pair (the
    // import, two threads busy, loses more to a slow spell than exceljs's one): each import is measured
    // against an exceljs read right before it, five times, and the pair of the median ratio is the one
    // reported (with three, one lucky pair decided); the peak memory is the highest of the five.
    const pairs: { baseline: ChildResult; measured: ChildResult }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const baseline = inChild(child, 'stream', file);
      const measured = inChild(child, 'import', file, path.join(dir, `empty-${round}`));
      pairs.push({ baseline, measured });
      console.log(`  第 ${round} 次：exceljs ${baseline.ms.toFixed(0)} ms，校验+提交 ${measured.ms.toFixed(0)} ms，${(measured.ms / baseline.ms).toFixed(2)}×（处理器时间 ${(measured.cpuMs / baseline.cpuMs).toFixed(2)}×）`);
    }
    pairs.sort((a, b) => a.measured.ms / a.baseline.ms - b.measured.ms / b.baseline.ms);
    const { baseline, measured } = pairs[Math.floor(ROUNDS / 2)]!;
    const peak = Math.max(...pairs.map((x) => x.measured.peakMb));
    console.log(`${baseline.detail}；${measured.detail}（五次中比值居中的一次）`);
    const ok = report('校验+提交（一个批次，空台账）', measured.ms, 'exceljs 仅流式读取同一文件', baseline.ms, 1.6);
    cpuLine(measured, baseline);
    // exceljs itself reads this file at one of two speeds, whatever the machine does: about 2.4 s, or 3.4–4.4 s
    // while its collector works on other threads (its processor time then 1.3–1.5 times its wall time). A pair
    // of its slow read flatters the import; against its fastest read, the import's median shows the ratio at worst.
    const fastest = Math.min(...pairs.map((x) => x.baseline.ms));
    const middle = pairs.map((x) => x.measured.ms).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
    console.log(`  对 exceljs 五次中最快的一次（${fastest.toFixed(0)} ms）：校验+提交五次的中位数 ${middle.toFixed(0)} ms，${(middle / fastest).toFixed(2)}×`);
    console.log(`峰值内存（导入进程 RSS，五次中最高）：${peak.toFixed(0)} MB（目标 < 400 MB：${peak < 400 ? '达到' : '未达到'}）；exceljs 流式读取进程 ${baseline.peakMb.toFixed(0)} MB`);
    // The two halves of the import apart: reading and checking (the preview), and the batch's ledger
    // writes alone. Done one after the other they add up; overlapped (a writer thread taking households
    // as they are confirmed) the import could not be faster than the slower half.
    const check = inChild(child, 'check', file, path.join(dir, 'check'));
    console.log(check.detail);
    report('其中读取+校验（预览，不写入）', check.ms, 'exceljs 仅流式读取同一文件', baseline.ms);
    cpuLine(check, baseline);
    const writes = inChild(child, 'writes', file, path.join(dir, 'writes'));
    console.log(writes.detail);
    report('其中写入台账的下限（同一批次的行，不读、不校验）', writes.ms, 'exceljs 仅流式读取同一文件', baseline.ms);
    cpuLine(writes, baseline);
    console.log(
      `  两部分之和 ${((check.ms + writes.ms) / baseline.ms).toFixed(2)}×；即使读取校验与写入完全并行，也不会快于较慢的一半：${(Math.max(check.ms, writes.ms) / baseline.ms).toFixed(2)}×`,
    );
    // What overlapping them would really give on this machine: both halves at once, in two processes that
    // share the cores, the memory bandwidth and the collector threads, with no handing over between them.
    const [checkTogether, writesTogether] = await inChildrenAtOnce(child, path.join(dir, 'barrier'), ['check', file, path.join(dir, 'check-together')], ['writes', file, path.join(dir, 'writes-together')]);
    report('两部分同时运行（各一个进程，完全并行的上限）', Math.max(checkTogether.ms, writesTogether.ms), 'exceljs 仅流式读取同一文件', baseline.ms);
    console.log(`  其中读取+校验 ${checkTogether.ms.toFixed(0)} ms，写入 ${writesTogether.ms.toFixed(0)} ms`);

    const earlier: string[] = [];
    for (let k = 1; k <= EARLIER; k++) {
      earlier.push(path.join(dir, `earlier-${k}.xlsx`));
      await writeRoster(earlier.at(-1)!, people);
    }
    const filled = inChild(child, 'prepare', path.join(dir, 'populated'), ...earlier);
    const populated = inChild(child, 'import', file, path.join(dir, 'populated'));
    console.log(`${filled.detail}；${populated.detail}`);
    report(`同一花名册建账进已有 ${(EARLIER * PERSONS).toLocaleString()} 人的台账`, populated.ms, 'exceljs 仅流式读取同一文件', baseline.ms);
    console.log(`峰值内存（导入进程 RSS）：${populated.peakMb.toFixed(0)} MB`);
    return ok && peak < 400;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
