/**
 * After an end-to-end run: personal data must not have left the encrypted ledgers. Opens every ledger of
 * the run to learn its people's ID numbers and names, then looks for them in the servers' logs, their temp
 * folder, crash reports and the data folders (all but the encrypted ledger files and the demo's township
 * rosters, which are input files put there on purpose). Fails naming the files, never the data.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scanForPersonalData } from '../fixtures/pii-scan';
import type { LedgerIdentifiers } from './ledger-identifiers';
import { E2E_RUN, NODE_REPORT_FLAGS, processEnv, RUN_FOLDERS } from './run-folders';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENCRYPTED = /(^|\/)ledger\.db(-wal|-shm|-journal)?$/;
const DEMO_ROSTERS = /(^|\/)演示乡镇报表\//;

function folders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .sort();
}

function readIdentifiers(ledgers: string[]): LedgerIdentifiers {
  if (ledgers.length === 0) return { ledgers: [], idNumbers: [], names: [] };
  const passwords: Record<string, string> = {};
  if (fs.existsSync(RUN_FOLDERS.passwords)) {
    for (const name of fs.readdirSync(RUN_FOLDERS.passwords)) passwords[name] = fs.readFileSync(path.join(RUN_FOLDERS.passwords, name), 'utf8');
  }
  // In a child process, as the app itself would open them; the list comes back on a pipe, not a file.
  const out = execFileSync(process.execPath, [...NODE_REPORT_FLAGS, '--import', 'tsx', path.join(import.meta.dirname, 'ledger-identifiers.ts'), ...ledgers], {
    cwd: ROOT,
    env: processEnv({ DOUDI_E2E_PASSWORDS: JSON.stringify(passwords) }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as LedgerIdentifiers;
}

export default function globalTeardown(): void {
  if (!fs.existsSync(E2E_RUN)) return;
  const ledgers = folders(RUN_FOLDERS.ledgers);
  const found = readIdentifiers(ledgers);
  const problems: string[] = [];
  for (const l of found.ledgers) {
    if (l.state === 'locked') {
      const folder = path.relative(ROOT, path.join(RUN_FOLDERS.ledgers, l.folder));
      const hint = l.reason === 'WRONG_CREDENTIALS' ? '请在 tests/e2e/run-folders.ts 的 KNOWN_PASSWORDS 中加入其管理员密码' : '是否还有服务未停止？';
      problems.push(`无法打开端到端台账 ${folder}（${l.reason}），无法核对其中人员：${hint}`);
    }
  }
  const result = scanForPersonalData(
    [
      { label: '服务日志', dir: RUN_FOLDERS.logs },
      { label: '临时文件', dir: RUN_FOLDERS.tmp },
      { label: '崩溃报告', dir: RUN_FOLDERS.crash },
      { label: '数据目录', dir: RUN_FOLDERS.ledgers, skip: (f) => ENCRYPTED.test(f) || DEMO_ROSTERS.test(f) },
    ],
    { idNumbers: found.idNumbers, names: found.names },
  );
  for (const f of result.findings) {
    const entry = f.file.includes('!') ? f.file.slice(f.file.indexOf('!')) : '';
    problems.push(`个人信息出现在 ${path.relative(ROOT, f.path)}${entry}（${f.kinds.join('、')}）`);
  }

  const opened = found.ledgers.filter((l) => l.state === 'opened').length;
  const byArea = Object.entries(result.filesByArea)
    .map(([label, n]) => `${label} ${n}`)
    .join('，');
  console.log(
    `个人信息检查：扫描 ${result.files} 个文件（${byArea}；跳过加密台账与演示花名册 ${result.skipped.length} 个），` +
      `核对 ${result.idNumbers} 个身份证号码与 ${result.names} 个姓名（来自 ${opened}/${found.ledgers.length} 个台账）` +
      ` / personal data check: ${result.files} files, ${result.idNumbers + result.names} identifiers, ${result.findings.length} findings`,
  );
  if (problems.length > 0) throw new Error(`端到端运行后的个人信息检查未通过：\n${problems.join('\n')}`);
  // Clean: the ledgers and temp files go; the logs stay for reading.
  for (const dir of [RUN_FOLDERS.ledgers, RUN_FOLDERS.passwords, RUN_FOLDERS.tmp]) fs.rmSync(dir, { recursive: true, force: true });
}
