#!/usr/bin/env node
// The `doudi` command. The ledger driver needs Node 22 (it crashes on Node 20), so this launcher runs the
// CLI on the project's own Node 22 (the `node` devDependency) whenever the calling Node is older.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let nodeBin = process.execPath;
if (Number(process.versions.node.split('.')[0]) < 22) {
  const local = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(local)) {
    console.error('Doudi 需要 Node.js 22 或更高版本。请在项目目录运行 npm install（会安装所需的 Node 22）。');
    process.exit(1);
  }
  nodeBin = local;
}
const tsx = import.meta.resolve('tsx');
const child = spawn(nodeBin, ['--import', tsx, path.join(root, 'src', 'main', 'cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
