import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskComments, RULES, scanSource, scanTree } from './security-scan';

/** One bad snippet per rule, in a file where the rule applies. */
const BAD: Record<string, [file: string, source: string][]> = {
  'node-integration': [
    ['src/main/electron/w.ts', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } });'],
    ['src/main/electron/w.ts', 'const prefs = { nodeIntegrationInWorker:true };'],
  ],
  'context-isolation': [['src/main/electron/w.ts', 'const prefs = { contextIsolation: false };']],
  sandbox: [['src/main/electron/w.ts', 'const prefs = {\n  sandbox : false,\n};']],
  'web-security': [['src/main/electron/w.ts', 'const prefs = { webSecurity: false };']],
  'insecure-content': [['src/main/electron/w.ts', 'const prefs = { allowRunningInsecureContent: true };']],
  'remote-module': [
    ['src/main/electron/w.ts', 'const prefs = { enableRemoteModule: true };'],
    ['src/main/electron/w.ts', "import remote from '@electron/remote';"],
  ],
  webview: [
    ['src/main/electron/w.ts', 'const prefs = { webviewTag: true };'],
    ['src/renderer/pages/x/index.tsx', 'const x = <webview src="app://doudi/" />;'],
  ],
  'experimental-features': [['src/main/electron/w.ts', 'const prefs = { experimentalFeatures: true };']],
  'remote-load': [
    ['src/main/index.ts', "void window.loadURL('https://evil.example/');"],
    ['src/main/index.ts', 'void window.loadURL(`http://127.0.0.1:${port}/`);'],
    ['src/main/index.ts', "void window.loadFile( 'http://x/index.html');"],
  ],
  'remote-tag': [
    ['src/renderer/index.html', '<script type="module" src="https://cdn.example/react.js"></script>'],
    ['src/renderer/index.html', '<link rel="stylesheet" href="//cdn.example/antd.css" />'],
  ],
  'electron-import': [
    ['src/main/people/people.service.ts', "import { app } from 'electron';"],
    ['src/main/app/x.ts', "import type { BrowserWindow } from 'electron';"],
    ['src/main/app/x.ts', "const { shell } = require('electron');"],
    ['src/shared/x.ts', "const e = await import('electron/main');"],
    ['src/renderer/x.ts', "import 'electron';"],
  ],
  eval: [
    ['src/renderer/x.ts', 'const v = eval(text);'],
    ['src/main/x.ts', 'globalThis.eval ("1");'],
  ],
  'new-function': [
    ['src/renderer/x.ts', "const f = new Function('a', 'return a');"],
    ['src/renderer/x.ts', "const f = Function('return this')();"],
  ],
  'dangerous-html': [['src/renderer/x.tsx', 'return <div dangerouslySetInnerHTML={{ __html: notice }} />;']],
  'inner-html': [
    ['src/renderer/x.ts', 'el.innerHTML = row.name;'],
    ['src/renderer/x.ts', 'el.outerHTML += extra;'],
  ],
  'insert-html': [['src/renderer/x.ts', "el.insertAdjacentHTML('beforeend', html);"]],
  'document-write': [['src/renderer/x.ts', 'document.write(html);']],
  'execute-javascript': [['src/main/electron/pdf.ts', "await window.webContents.executeJavaScript('window.print()');"]],
  'open-external': [
    ['src/main/electron/ipc.ts', 'void shell.openExternal(url);'],
    ['src/main/electron/x.ts', 'const { openExternal } = shell;'],
  ],
  tls: [
    ['src/main/x.ts', 'https.request(url, { rejectUnauthorized: false });'],
    ['src/main/x.ts', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';"],
  ],
  'console-personal': [
    ['src/main/auth/x.ts', 'console.log(session);'],
    ['src/main/auth/x.ts', "console.error('login', ctx.user);"],
    ['src/main/people/x.ts', 'console.info(`saved ${person.name}`);'],
    ['src/main/people/x.ts', 'console.log(JSON.stringify(rows));'],
  ],
};

/** Look-alikes that are fine: comments, allowed places, other names. */
const GOOD: [file: string, source: string][] = [
  ['src/main/electron/w.ts', '// never write nodeIntegration: true here\nconst prefs = { nodeIntegration: false, sandbox: true };'],
  ['src/main/electron/w.ts', '/* contextIsolation: false was the old default */ const prefs = { contextIsolation: true };'],
  ['src/main/electron/app-protocol.ts', "import { protocol } from 'electron';"],
  ['src/preload/index.ts', "import { contextBridge } from 'electron';"],
  ['src/main/index.ts', "import { app } from 'electron';\nvoid window.loadURL(APP_ENTRY_URL);"],
  ['src/main/electron/hardening.ts', 'if (/^https?:\\/\\//.test(url)) void shell.openExternal(url);'],
  ['src/renderer/api/upload.ts', 'export async function uploadFile(file: File) { return retrieval(file); }'],
  ['src/renderer/x.ts', 'if (a.innerHTML === b) evaluate(x);'],
  ['src/main/cli.ts', 'for (const u of result.users) console.log(`${u.username} ${saved.rows}`);\nconsole.log({ user: 1 }.user);'],
  ['src/renderer/x.ts', "console.log(session); const m = '// not a comment'; "],
  ['src/main/electron/w.ts', "const prefs = { webSecurity: true, webviewTag: false }; // loadURL('https://x')"],
  ['src/main/electron/w.test.ts', "vi.mock('electron', () => ({ shell: { openExternal: async () => {} } }));"],
];

describe('the security scan', () => {
  it('has a bad example for every rule, and catches each of them', () => {
    expect(Object.keys(BAD).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const [rule, examples] of Object.entries(BAD)) {
      for (const [file, source] of examples) {
        const found = scanSource(file, source).map((f) => f.rule);
        expect(found, `${rule} in ${file}: ${source}`).toContain(rule);
      }
    }
  });

  it('leaves comments, the allowed files and look-alikes alone', () => {
    for (const [file, source] of GOOD) expect(scanSource(file, source), `${file}: ${source}`).toEqual([]);
  });

  it('still sees code after a regular expression and strings holding //', () => {
    const source = "const re = /https?:\\/\\//;\nconst u = 'http://a'; void shell.openExternal(u);";
    expect(scanSource('src/main/electron/ipc.ts', source)).toEqual([{ file: 'src/main/electron/ipc.ts', line: 2, rule: 'open-external', message: expect.stringMatching(/hardening\.ts/) }]);
    expect(maskComments('a / b; // x\nc /* y */ d')).toBe('a / b;     \nc         d');
  });

  it('names the file and line of each finding, with a Chinese and English message', () => {
    const [finding] = scanSource('src/main/electron/w.ts', '\n\nconst prefs = {\n  sandbox: false };');
    expect(finding).toEqual({ file: 'src/main/electron/w.ts', line: 4, rule: 'sandbox', message: '不得关闭渲染进程沙箱 / sandbox must stay on' });
  });

  it('fails the command on a planted finding and counts files and rules', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-scan-'));
    try {
      fs.mkdirSync(path.join(root, 'src', 'main', 'electron'), { recursive: true });
      fs.writeFileSync(path.join(root, 'src', 'main', 'electron', 'window.ts'), 'export const prefs = { sandbox: true };\n');
      fs.writeFileSync(path.join(root, 'src', 'main', 'notes.md'), 'sandbox: false');
      const run = () => spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'security-scan.ts'), root], { encoding: 'utf8' });
      const clean = run();
      expect(clean.status).toBe(0);
      expect(clean.stdout).toContain(`检查 1 个文件、${RULES.length} 条规则`);
      expect(scanTree(root)).toEqual({ files: 1, rules: RULES.length, findings: [] });

      fs.writeFileSync(path.join(root, 'src', 'main', 'leak.ts'), "import { app } from 'electron';\nconsole.log(user);\n");
      const dirty = run();
      expect(dirty.status).toBe(1);
      expect(dirty.stderr).toContain('✗ src/main/leak.ts:1 [electron-import]');
      expect(dirty.stderr).toContain('✗ src/main/leak.ts:2 [console-personal]');
      expect(dirty.stderr).toContain('检查 2 个文件');
      expect(dirty.stderr).toContain('发现 2 处问题');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses to pass when it finds nothing to scan', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-scan-empty-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'security-scan.ts'), root], { encoding: 'utf8' });
      expect(run.status).toBe(1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
