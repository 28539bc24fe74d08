/**
 * The `doudi` command line for administrators and scripts. Commands that open a ledger take `--user U`
 * (default admin) and read the password from DOUDI_PASSWORD, or prompt for it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../shared/api/errors';
import { createBackend } from './app/create-backend';
import { fileClock } from './app/clock';
import { boundHeapGrowth } from './app/heap';
import { consoleLogger, errorsOnly } from './app/log';
import { setupLedger } from './auth/auth.service';
import { createDemoCounty } from './demo/demo-county';
import { DEMO_FILES_FOLDER } from './demo/demo-imports';
import { readPassword } from './cli/password-input';
import { defaultDataDir, RENDERER_DIR } from './cli/paths';
import { startHttpServer } from './http/server';
import { writeFileAtomically } from './app/write-file';
import { passwordProblem } from '../shared/domain/password';
import type { ImportPreview, ImportResult } from '../shared/api/imports.schemas';
import type { ReportResult } from '../shared/api/reports.schemas';
import type { BackupResult } from '../shared/api/backup.schemas';
import { readBackupFor, restoreFromBackup, unlockBackup } from './backup/restore.service';
import { startBackupSchedule } from './backup/backup-schedule';
import { columnTitle } from '../shared/domain/reports/layout';
import { acceptUpload, MAX_UPLOAD_BYTES } from './rpc/uploads';
import type { Router } from './rpc/router';
import type { Session } from './rpc/sessions';
import { ROLE_LABELS } from '../shared/labels';

const USAGE = `用法：
  doudi export roster --program 项目代码 [--township 乡镇代码或名称] [--kind households|persons] --data 目录 --out 文件.xlsx [--user 用户名]
  doudi import 文件.xlsx|.csv --data 目录 [--program 项目代码] [--township 乡镇代码或名称] [--purpose initial_load|reconcile] [--dry-run] [--json] [--user 用户名]
  doudi report assistance-monthly|change-monthly|payment-roster --period 2026-11 --data 目录 (--out 文件.xlsx | --json) [--program 项目代码] [--township 乡镇] [--user 用户名]
  doudi init  --data 目录 --county-name 县名 --county-code 431122 --admin 用户名 [--admin-name 姓名]
  doudi demo  --data 目录
  doudi serve --data 目录 [--port 端口] [--host 127.0.0.1]
  doudi backup --data 目录 --out 文件.doudibak|备份文件夹 [--user 用户名]
  doudi restore 备份文件.doudibak --data 目录 [--user 用户名]
密码从环境变量 DOUDI_PASSWORD 读取；未设置时在终端提示输入。`;

function dataDirOf(values: { data?: string }): string {
  return path.resolve(values.data ?? defaultDataDir());
}

function printRecoveryCode(code: string): void {
  console.log('');
  console.log('================ 恢复码（只显示这一次） ================');
  console.log(`  ${code}`);
  console.log('  请立即打印或抄写，交由单位负责人妥善保管。');
  console.log('  忘记管理员密码时，只有凭恢复码才能重新打开台账。');
  console.log('========================================================');
}

async function init(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      'county-name': { type: 'string' },
      'county-code': { type: 'string' },
      admin: { type: 'string', default: 'admin' },
      'admin-name': { type: 'string', default: '系统管理员' },
    },
  });
  if (!values['county-name'] || !values['county-code']) throw new AppError('VALIDATION', '请用 --county-name 和 --county-code 给出县名和 6 位县级代码');
  if (!/^\d{6}$/.test(values['county-code'])) throw new AppError('VALIDATION', '县级行政区划代码应为 6 位数字');
  const { backend } = createBackend({ dataDir: dataDirOf(values) });
  const password = await readPassword({ confirm: true, purpose: `为管理员 ${values.admin} 设置密码` });
  const { recoveryCode } = await setupLedger(backend, {
    countyName: values['county-name'],
    countyCode: values['county-code'],
    adminUsername: values.admin,
    adminDisplayName: values['admin-name'],
    adminPassword: password,
  });
  console.log(`已创建台账：${backend.store.ledgerPath}`);
  printRecoveryCode(recoveryCode);
}

/** With DOUDI_CLOCK_FILE set (end-to-end tests), the instant in that file; else the system clock. */
function clockFromEnv() {
  const clockFile = process.env.DOUDI_CLOCK_FILE;
  return clockFile ? fileClock(clockFile, (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null)) : undefined;
}

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, households: { type: 'string', default: '320' } } });
  // The demo county is dated by the clock it will be served with (a test's clock file, else today).
  const { backend } = createBackend({ dataDir: dataDirOf(values), clock: clockFromEnv() });
  let password = process.env.DOUDI_PASSWORD;
  const generated = !password;
  if (!password) password = `demo${crypto.randomBytes(4).toString('hex')}`;
  const problem = passwordProblem(password, 'admin');
  if (problem) throw new AppError('WEAK_PASSWORD', `DOUDI_PASSWORD 不符合密码要求：${problem}`);
  const filesFolder = path.join(dataDirOf(values), DEMO_FILES_FOLDER);
  const result = await createDemoCounty(backend, password, filesFolder, Number(values.households));
  console.log(`已创建演示县台账：${backend.store.ledgerPath}`);
  console.log(`  ${result.households} 户，${result.persons} 人，${result.enrollments} 条在保记录，${result.cases} 件审批案件，${result.imports.batches} 个导入批次，${result.care.children} 名关爱儿童与 ${result.care.visits} 次探访，${result.care.cases} 件关爱个案（均为虚构数据）`);
  console.log(`  ${result.elderly.checks} 条生存认证，${result.elderly.elders} 名特殊困难老年人与 ${result.elderly.visits} 次探访，${result.elderly.assessments} 份能力评估`);
  console.log(`  ${result.referrals.organisations} 个帮扶机构，${result.referrals.referrals} 条转介记录`);
  console.log(`  ${result.vagrant.rescues} 条流浪乞讨救助记录（${result.vagrant.inStation} 人在站）`);
  console.log(`  演示备份（每天 17:30 自动备份；实际使用时请备份到U盘）：${path.join(result.backup.folder, result.backup.fileName)}`);
  console.log(`  乡镇报来的演示花名册（可在“导入导出”中试导入）：${filesFolder}`);
  for (const f of result.imports.files) console.log(`    ${f}`);
  console.log('  演示账户（密码相同）：');
  for (const u of result.users) console.log(`    ${u.username.padEnd(10)} ${ROLE_LABELS[u.role]}${u.township ? `（${u.township}）` : ''}`);
  if (generated) console.log(`  密码：${password}`);
  printRecoveryCode(result.recoveryCode);
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, port: { type: 'string', default: '4317' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  const { backend, router, sessions } = createBackend({ dataDir: dataDirOf(values), clock: clockFromEnv() });
  const server = await startHttpServer({ router, sessions, clock: backend.clock, host: values.host, port: Number(values.port), staticDir: RENDERER_DIR });
  const backups = startBackupSchedule(backend);
  console.log(`Doudi 已启动：${server.url}`);
  console.log(`台账目录：${backend.store.dataDir}${backend.store.isInitialized() ? '' : '（尚未创建，打开页面后按向导完成初始设置）'}`);
  const stop = async () => {
    backups.stop();
    await server.close();
    await backend.store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Opens the ledger as a user (password from DOUDI_PASSWORD or the prompt), as that user's session would. */
async function signedIn(values: { data?: string; user?: string }) {
  const { backend, router, sessions } = createBackend({ dataDir: dataDirOf(values), log: errorsOnly(consoleLogger()) });
  if (!backend.store.isInitialized()) throw new AppError('NOT_INITIALIZED', `${backend.store.dataDir} 中没有台账`);
  const username = values.user ?? 'admin';
  const password = await readPassword({ confirm: false, purpose: `${username} 的密码` });
  const session = sessions.create();
  const login = await router.call(session, 'auth.login', { username, password });
  if (!login.ok) throw new AppError(login.error.code, login.error.message);
  return { backend, router, session };
}

/** The township a script names by code or name, as its id. */
async function townshipIdOf(router: Router, session: Session, township: string | undefined): Promise<string | undefined> {
  if (!township) return undefined;
  const townships = await router.call(session, 'regions.townships', {});
  const match = townships.ok ? (townships.data as { id: string; code: string; name: string }[]).find((t) => t.code === township || t.name === township) : undefined;
  if (!match) throw new AppError('NOT_FOUND', `找不到乡镇（街道）：${township}`);
  return match.id;
}

async function exportCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what !== 'roster') throw new AppError('VALIDATION', '目前可导出的只有 roster（花名册）');
  const { values } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      user: { type: 'string', default: 'admin' },
      program: { type: 'string' },
      township: { type: 'string' },
      kind: { type: 'string', default: 'households' },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new AppError('VALIDATION', '请用 --out 指定要写入的 .xlsx 文件');
  const { backend, router, session } = await signedIn(values);
  try {
    const townshipId = await townshipIdOf(router, session, values.township);
    const out = path.resolve(values.out);
    session.files = {
      deliver: async (file) => {
        const rows = await writeFileAtomically(out, file);
        return { kind: 'saved', path: out, fileName: file.fileName, rows };
      },
    };
    const result = await router.call(session, 'exports.roster', { kind: values.kind, program: values.program, townshipId });
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    const saved = result.data as { rows: number; path: string };
    console.log(`已导出 ${saved.rows} 行：${saved.path}`);
  } finally {
    await router.call(session, 'auth.logout', {});
    await backend.store.close();
  }
}

/**
 * Reads a township roster and, unless --dry-run, commits it as one batch. With --json it prints one JSON
 * object (the file's verdict, or why it was rejected, exit status 1) and nothing else.
 */
async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      user: { type: 'string', default: 'admin' },
      program: { type: 'string' },
      township: { type: 'string' },
      purpose: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new AppError('VALIDATION', '请给出要导入的文件');
  const rejected = (code: string, message: string) => {
    if (values.json) console.log(JSON.stringify({ rejected: true, code, message }));
    else console.error(`无法导入：${message}`);
    process.exitCode = 1;
  };
  const stat = fs.statSync(path.resolve(file), { throwIfNoEntry: false });
  if (!stat?.isFile()) return rejected('file_not_found', `找不到文件：${file}`);
  if (stat.size > MAX_UPLOAD_BYTES) return rejected('file_too_large', `文件过大（${Math.ceil(stat.size / 1024 / 1024)} MB，上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请按乡镇拆分后分批导入`);
  try {
    await importSignedIn(values, file, rejected);
  } catch (err) {
    // A script asking for JSON gets JSON also when signing in or the commit fails (a wrong password, a changed ledger).
    if (values.json && err instanceof AppError) return rejected(err.code.toLowerCase(), err.message);
    throw err;
  }
}

async function importSignedIn(
  values: { data?: string; user: string; program?: string; township?: string; purpose?: string; 'dry-run': boolean; json: boolean },
  file: string,
  rejected: (code: string, message: string) => void,
): Promise<void> {
  const { backend, router, session } = await signedIn(values);
  try {
    const townshipId = await townshipIdOf(router, session, values.township);
    const accepted = acceptUpload(session, path.basename(file), fs.readFileSync(path.resolve(file)), backend.clock.now().getTime());
    if (!accepted.ok) return rejected('file_rejected', accepted.error.message);
    const purpose = values.purpose ?? (session.user?.role === 'admin' ? 'initial_load' : 'reconcile');
    const settings = { uploadId: accepted.data.uploadId, purpose, program: values.program, townshipId, problemLimit: 1_000_000 };
    const preview = await router.call(session, 'imports.preview', settings);
    if (!preview.ok) {
      if (preview.error.code === 'IMPORT_REJECTED' || preview.error.code === 'VALIDATION') return rejected(preview.error.details?.refusal ?? preview.error.code.toLowerCase(), preview.error.message);
      throw new AppError(preview.error.code, preview.error.message);
    }
    const p = preview.data as ImportPreview;
    const verdict = {
      rejected: false,
      households: p.totals.households,
      persons: p.totals.persons,
      valid: p.totals.valid,
      errors: p.problems.map((x) => ({ row: x.row, column: x.column, code: x.code, severity: x.severity, message: x.message })),
    };
    let committed: ImportResult | null = null;
    if (!values['dry-run'] && p.commit.allowed) {
      const result = await router.call(session, 'imports.commit', settings);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      committed = result.data as ImportResult;
    }
    if (values.json) {
      console.log(JSON.stringify(committed ? { ...verdict, committed } : verdict));
      return;
    }
    console.log(`${p.fileName}：${p.totals.households} 户，${p.totals.persons} 人，有效 ${p.totals.valid} 人；错误 ${p.totals.errors} 处，提醒 ${p.totals.warnings} 处`);
    for (const x of p.problems) console.log(`  第 ${x.row} 行${x.column ? `【${x.column}】` : ''}${x.severity === 'warning' ? '（提醒）' : ''}${x.message}`);
    if (committed) console.log(`已导入批次 ${committed.batchId}：${committed.households} 户，${committed.persons} 人，${committed.enrollments} 条在保记录，${committed.cases} 个案件`);
    else if (!values['dry-run']) console.log(`未导入：${p.commit.reason ?? ''}`);
  } finally {
    await router.call(session, 'auth.logout', {});
    await backend.store.close();
  }
}

/**
 * A form for a period, as the screen shows it: written as an .xlsx in the official layout (--out), or
 * printed as one JSON object (--json) whose 合计 is the sum of the rows in every additive column.
 */
async function reportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, user: { type: 'string', default: 'admin' }, period: { type: 'string' }, program: { type: 'string' }, township: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const form = positionals[0];
  if (!form || !values.period) throw new AppError('VALIDATION', '用法：doudi report assistance-monthly|change-monthly|payment-roster --period 2026-11 --data 目录 (--out 文件.xlsx | --json) [--program 项目代码]');
  if (!values.out && !values.json) throw new AppError('VALIDATION', '请用 --out 指定 .xlsx 文件，或用 --json 输出');
  const { backend, router, session } = await signedIn(values);
  try {
    const townshipId = await townshipIdOf(router, session, values.township);
    const request = { form, period: values.period, program: values.program, townshipId };
    if (values.json) {
      const result = await router.call(session, 'reports.compute', request);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      const r = result.data as ReportResult;
      const json = {
        form: r.form,
        period: r.period,
        columns: r.columns.map((c) => ({ key: c.key, label: columnTitle(c), additive: c.additive, unit: c.unit })),
        rows: r.rows.map((row) => ({ label: row.label, values: row.values })),
        total: { label: r.total.label, values: r.total.values },
        ...(r.snapshot ? { submitted: r.snapshot, differences: r.differences } : {}),
      };
      console.log(JSON.stringify(json));
      return;
    }
    const out = path.resolve(values.out!);
    session.files = {
      deliver: async (file) => {
        const rows = await writeFileAtomically(out, file);
        return { kind: 'saved', path: out, fileName: file.fileName, rows };
      },
    };
    const result = await router.call(session, 'reports.export', request);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    console.log(`已导出：${(result.data as { path: string }).path}`);
  } finally {
    await router.call(session, 'auth.logout', {});
    await backend.store.close();
  }
}

/** Writes a verified backup: into a folder under a dated name, or under the file name given. */
async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, user: { type: 'string', default: 'admin' }, out: { type: 'string' } } });
  if (!values.out) throw new AppError('VALIDATION', '请用 --out 指定备份文件（.doudibak）或备份文件夹');
  const out = path.resolve(values.out);
  const intoFolder = fs.statSync(out, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const { backend, router, session } = await signedIn(values);
  try {
    const input = intoFolder ? { folder: out } : { folder: path.dirname(out), fileName: path.basename(out) };
    const result = await router.call(session, 'backup.create', input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    const r = result.data as BackupResult;
    console.log(`已备份并校验：${r.path}（${(r.bytes / 1024 / 1024).toFixed(1)} MB，审计记录 ${r.auditEntries} 条）`);
  } finally {
    await router.call(session, 'auth.logout', {});
    await backend.store.close();
  }
}

/**
 * Restores a backup into a data folder: an empty one (a new computer), or the one of the same ledger, whose
 * current ledger is kept aside. The password is the one the user had when the backup was made.
 */
async function restoreCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, user: { type: 'string', default: 'admin' } } });
  const file = positionals[0];
  if (!file) throw new AppError('VALIDATION', '请给出要恢复的备份文件');
  const { backend } = createBackend({ dataDir: dataDirOf(values), log: errorsOnly(consoleLogger()) });
  const store = backend.store;
  const expectLedgerId = store.isInitialized() ? store.readEnvelope().ledgerId : null;
  readBackupFor(path.resolve(file), expectLedgerId);
  const password = await readPassword({ confirm: false, purpose: `${values.user} 在备份时的密码` });
  const { key } = await unlockBackup(path.resolve(file), values.user, password);
  try {
    const result = await restoreFromBackup(store, path.resolve(file), key, { expectLedgerId, actor: { userId: null, username: values.user }, at: backend.clock.now() });
    console.log(`已从备份恢复：${result.restoredFrom}（备份于 ${new Date(result.backupCreatedAt).toLocaleString('zh-CN')}）`);
    console.log(`台账目录：${store.dataDir}`);
    if (result.previousKeptIn) console.log(`原台账已保留在：${result.previousKeptIn}`);
  } finally {
    key.fill(0);
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  init,
  demo,
  serve,
  export: exportCommand,
  import: importCommand,
  report: reportCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.log(USAGE);
    process.exitCode = command && command !== 'help' && command !== '--help' ? 1 : 0;
    return;
  }
  await run(rest);
}

boundHeapGrowth();
main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof AppError) console.error(`错误：${err.message}`);
  else if (err instanceof Error && /^[\u4e00-\u9fff]/.test(err.message)) console.error(`错误：${err.message}`);
  else if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`参数有误：${err.message}\n${USAGE}`);
  else {
    const reference = crypto.randomBytes(4).toString('hex').toUpperCase();
    console.error(`系统内部错误（参考编号 ${reference}）`);
    console.error(err instanceof Error ? (err.stack ?? '').split('\n').slice(1, 6).join('\n') : '');
  }
  process.exitCode = 1;
});
