// `npm test`: type checks, lint (with the import boundaries), the static security scan, unit and integration
// tests, the production build, and the Playwright end-to-end tests in Debian's Chromium. Stops at the first
// failing step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error('npm test 需要 Node 22（由 devDependency "node" 提供）。请先在项目目录运行 npm install。');
  process.exit(1);
}
const chromium = process.env.DOUDI_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`缺少浏览器测试所需的 Chromium（${chromium}）。`);
  console.error('Debian/Ubuntu：sudo apt-get install -y chromium fonts-noto-cjk');
  console.error('或用环境变量 DOUDI_CHROMIUM 指向已安装的 Chromium。');
  process.exit(1);
}
// The printed approval form is read back with pdftotext (poppler-utils).
if (spawnSync('pdftotext', ['-v']).error) {
  console.error('缺少读取打印 PDF 所需的 pdftotext。');
  console.error('Debian/Ubuntu：sudo apt-get install -y poppler-utils');
  process.exit(1);
}

const reports = path.join(root, 'test-results');
fs.mkdirSync(reports, { recursive: true });
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');

const steps = [
  ['类型检查 (node)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit']],
  ['类型检查 (web)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.web.json', '--noEmit']],
  ['代码规范与分层边界', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
  ['安全扫描', ['--import', 'tsx', path.join(root, 'scripts', 'security-scan.ts')]],
  ['单元与集成测试', [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['生产构建', [bin('electron-vite', 'bin/electron-vite.js'), 'build']],
  ['端到端测试 (Chromium)', [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json']],
];

/** CI keeps no screenshots: print what each failed page held (Playwright's ARIA snapshot, synthetic data only). */
function printPageSnapshots(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    if (path.basename(entry) !== 'error-context.md') continue;
    const text = fs.readFileSync(path.join(dir, entry), 'utf8');
    console.error(`\n--- 失败时的页面（${path.dirname(entry)}） ---\n${text.length > 12_000 ? `${text.slice(0, 12_000)}\n…（已截断）` : text}`);
  }
}

for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport } });
  if (result.status !== 0) {
    if (args.includes('--reporter=list,json')) printPageSnapshots(path.join(reports, 'e2e'));
    console.error(`\n✗ ${name} 未通过`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}
// One plain closing line over both runners, for CI and for people.
const unit = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
const e2e = JSON.parse(fs.readFileSync(playwrightReport, 'utf8')).stats;
const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + e2e.flaky;
console.log('\n全部检查通过。');
console.log(`tests: ${passed} passed, ${failed} failed`);
