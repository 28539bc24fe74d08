// `npm start`: builds, then opens the desktop app on the default ledger. Where the Electron runtime is
// missing (it is downloaded on first use, which fails offline), serves the same UI on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

console.log('正在构建界面……');
const build = spawnSync(node, [bin('electron-vite', 'bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Found without require('electron'): requiring it would try to download the runtime.
function electronBinary() {
  const pathFile = bin('electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(bin('electron', 'dist'), fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.'], { cwd: root, stdio: 'inherit' })
  : (() => {
      console.log('');
      console.log('未找到 Electron 运行时（离线安装时无法下载），改为在本机浏览器中提供同一界面。');
      console.log('请用浏览器打开下面的地址；按 Ctrl+C 结束。');
      return spawn(node, [path.join(root, 'bin', 'doudi.mjs'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    })();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
