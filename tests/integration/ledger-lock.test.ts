/**
 * One ledger, one program at a time: a second instance — the app started twice, or the command line while
 * the app runs — is refused with a clear Chinese message and opens nothing, in real second processes. A
 * lock left by a process that is gone is taken over; a clean exit leaves none.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createCounty, type TestLedger } from '../fixtures/ledger';
import { LedgerStore } from '../../src/main/db/ledger-store';
import { LOCK_FILE } from '../../src/main/db/ledger-lock';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'main', 'cli.ts');
const IN_USE = '台账正在被另一个窗口或程序使用';

let ledger: TestLedger | undefined;
let server: ChildProcess | undefined;
afterEach(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGKILL');
    await exited;
  }
  server = undefined;
  await ledger?.dispose();
  ledger = undefined;
});

const doudi = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DOUDI_PASSWORD: ADMIN_PASSWORD } });

/** `doudi serve` on the ledger's folder, as an office runs the app; resolves with its address. */
async function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--data', dataDir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, url };
}

function post(url: string, method: string, input: unknown, cookie?: string): Promise<{ body: { ok: boolean; error?: { code: string; message: string } }; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/api/rpc/${method}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: url, ...(cookie ? { Cookie: cookie } : {}) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ body: JSON.parse(text), cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ input }));
  });
}

const lockOf = (dataDir: string) => path.join(dataDir, LOCK_FILE);
const readLock = (dataDir: string) => JSON.parse(fs.readFileSync(lockOf(dataDir), 'utf8')) as { pid: number; hostname: string; startedAt: string };

describe('a ledger open in another process', () => {
  it('refuses the app and the command line while another instance has it open, and takes over once that one is killed', async () => {
    const t = await createCounty();
    ledger = t;
    await t.backend.store.close();
    expect(fs.existsSync(lockOf(t.dataDir))).toBe(false);

    // Another instance of the app (the HTTP transport of `doudi serve`) signs in and holds the ledger.
    const other = await serve(t.dataDir);
    const first = await post(other.url, 'setup.status', {});
    const signedIn = await post(other.url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }, first.cookie);
    expect(signedIn.body.ok).toBe(true);
    const held = fs.readFileSync(lockOf(t.dataDir), 'utf8');
    expect(JSON.parse(held)).toMatchObject({ pid: other.child.pid, hostname: os.hostname() });

    // This instance: a clear refusal, nothing opened, the other's lock untouched.
    const refused = await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(new RegExp(`^${IN_USE}（本机进程 ${other.child.pid}，\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 起），本次未打开台账，台账未作改动。请先关闭另一个兜底窗口`));
    expect(t.backend.store.isOpen()).toBe(false);
    expect(fs.readFileSync(lockOf(t.dataDir), 'utf8')).toBe(held);

    // The command line gets the same message, and writes nothing.
    const out = path.join(t.dataDir, 'roster.xlsx');
    const cli = doudi(['export', 'roster', '--program', 'dibao', '--data', t.dataDir, '--out', out]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`错误：${IN_USE}（本机进程 ${other.child.pid}`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(lockOf(t.dataDir), 'utf8')).toBe(held);

    // The other instance dies without closing (a crash, a kill): its lock is taken over.
    const killed = new Promise((r) => other.child.once('exit', r));
    other.child.kill('SIGKILL');
    await killed;
    expect(fs.existsSync(lockOf(t.dataDir))).toBe(true);
    const admin = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.call(admin, 'regions.townships', {})).map((x) => x.name)).toEqual(['东山镇', '西河乡']);
    expect(readLock(t.dataDir).pid).toBe(process.pid);
    await t.backend.store.close();
    expect(fs.existsSync(lockOf(t.dataDir))).toBe(false);
  });

  it('refuses the command line while this process has the ledger open; a closed app leaves no lock behind', async () => {
    const t = await createCounty();
    ledger = t;
    const cli = doudi(['import', path.join(ROOT, 'package.json'), '--data', t.dataDir, '--dry-run']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`错误：${IN_USE}（本机进程 ${process.pid}`);
    expect(cli.stderr).toContain('请先关闭另一个兜底窗口，或等正在运行的命令行程序（导入、导出、报表等）结束，再重新打开');

    // `doudi serve` stopped the ordinary way closes the ledger and removes its lock.
    await t.backend.store.close();
    const other = await serve(t.dataDir);
    const first = await post(other.url, 'setup.status', {});
    expect((await post(other.url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }, first.cookie)).body.ok).toBe(true);
    expect(readLock(t.dataDir).pid).toBe(other.child.pid);
    const exited = new Promise((r) => other.child.once('exit', r));
    other.child.kill('SIGTERM');
    await exited;
    expect(fs.existsSync(lockOf(t.dataDir))).toBe(false);
  });
});

describe('the lock file', () => {
  it('is shared by the stores of one process and goes with the last of them', async () => {
    const t = await createCounty();
    ledger = t;
    const key = Buffer.from(t.backend.store.currentKey());
    const second = new LedgerStore(t.dataDir);
    await second.openWith(key);
    expect(readLock(t.dataDir).pid).toBe(process.pid);
    await second.close();
    expect(fs.existsSync(lockOf(t.dataDir))).toBe(true);
    await t.backend.store.close();
    expect(fs.existsSync(lockOf(t.dataDir))).toBe(false);
  });

  it('names another computer holding a shared folder, and takes over a lock whose process is gone', async () => {
    const t = await createCounty();
    ledger = t;
    await t.backend.store.close();

    fs.writeFileSync(lockOf(t.dataDir), JSON.stringify({ pid: 4242, hostname: 'MINZHENG-PC2', startedAt: '2026-11-20T01:30:00.000Z' }));
    const remote = await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(remote.message).toContain(`${IN_USE}（电脑“MINZHENG-PC2”上的进程 4242，`);
    expect(remote.message).toContain(`请先在那台电脑上关闭兜底，再重新打开。同一时间只能由一个窗口或程序打开台账；如确认那台电脑已不再使用台账，可删除数据文件夹中的 ${LOCK_FILE} 文件后重试。`);
    expect(t.backend.store.isOpen()).toBe(false);

    // A process of this computer that has ended (its pid is free again).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockOf(t.dataDir), JSON.stringify({ pid: Number(gone.stdout), hostname: os.hostname(), startedAt: '2026-11-20T01:30:00.000Z' }));
    const admin = await t.login('admin', ADMIN_PASSWORD);
    expect(readLock(t.dataDir).pid).toBe(process.pid);
    await t.call(admin, 'auth.logout', {});
    await t.backend.store.close();

    // A lock its writer never finished (killed between creating and writing it), once it is old enough.
    fs.writeFileSync(lockOf(t.dataDir), '');
    const fresh = await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(fresh.message).toMatch(new RegExp(`^${IN_USE}，本次未打开台账`));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(lockOf(t.dataDir), past, past);
    await t.login('admin', ADMIN_PASSWORD);
    expect(readLock(t.dataDir).pid).toBe(process.pid);
  });
});
