/**
 * One ledger, one program: `ledger.lock` in the data folder names the process that has the ledger open
 * (pid, computer, since when). SQLite alone would keep two processes from corrupting the file, but two
 * instances (a second window, the command line while the app runs) would each keep their own sessions and
 * step on each other's work; the second one is told plainly and opens nothing. A lock left by a process
 * that is gone (a crash, a kill, a power cut) is taken over. Stores of one process share its hold (tests,
 * a window and its HTTP transport).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';

export const LOCK_FILE = 'ledger.lock';

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** Locks this process holds, by path: how many stores share each, and the text it wrote. */
const held = new Map<string, { count: number; text: string }>();
let exitHookInstalled = false;

/** A lock file still empty (its writer was killed between create and write) counts as stale after this. */
const EMPTY_LOCK_GRACE_MS = 10_000;

function errorCode(err: unknown): string | undefined {
  return (err as { code?: string } | null)?.code;
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.hostname !== 'string' || typeof info.startedAt !== 'string') return null;
    return { pid: info.pid, hostname: info.hostname, startedAt: info.startedAt };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return errorCode(err) === 'EPERM';
  }
}

function isStale(info: LockInfo | null, mtimeMs: number): boolean {
  if (!info) return Date.now() - mtimeMs > EMPTY_LOCK_GRACE_MS;
  // Another computer's process (a shared folder) cannot be checked from here.
  if (info.hostname !== os.hostname()) return false;
  // Our own pid in a lock we do not hold: an earlier process that had the same pid.
  if (info.pid === process.pid) return true;
  return !processAlive(info.pid);
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function inUse(info: LockInfo | null): AppError {
  const here = !info || info.hostname === os.hostname();
  const who = info ? `${here ? '本机' : `电脑“${info.hostname}”上的`}进程 ${info.pid}${localTime(info.startedAt) ? `，${localTime(info.startedAt)} 起` : ''}` : '';
  const advice = here
    ? `请先关闭另一个兜底窗口，或等正在运行的命令行程序（导入、导出、报表等）结束，再重新打开。同一时间只能由一个窗口或程序打开台账；如确认没有其他兜底窗口或程序在运行（例如上次异常退出），可删除数据文件夹中的 ${LOCK_FILE} 文件后重试。`
    : `请先在那台电脑上关闭兜底，再重新打开。同一时间只能由一个窗口或程序打开台账；如确认那台电脑已不再使用台账，可删除数据文件夹中的 ${LOCK_FILE} 文件后重试。`;
  return new AppError('CONFLICT', `台账正在被另一个窗口或程序使用${who ? `（${who}）` : ''}，本次未打开台账，台账未作改动。${advice}`);
}

function removeIfOurs(lockPath: string, text: string): void {
  try {
    if (fs.readFileSync(lockPath, 'utf8') === text) fs.rmSync(lockPath, { force: true });
  } catch {
    // Already gone, or the folder went away (a test's temp folder): nothing to release.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A process that ends without closing its stores (a script, Ctrl+C) leaves no lock behind.
  process.on('exit', () => {
    for (const [lockPath, { text }] of held) removeIfOurs(lockPath, text);
  });
}

/** Moves a stale lock aside; if another process took it over first, its fresh lock is put back. */
function breakStaleLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw err;
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== staleText) fs.linkSync(aside, lockPath);
  } catch {
    // A third process holds the lock now; the next attempt sees it.
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/**
 * Takes the data folder's lock, or throws a CONFLICT naming who holds it. Returns the release, which is
 * safe to call more than once.
 */
export function acquireLedgerLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const entry = held.get(lockPath);
    if (!entry) return;
    entry.count -= 1;
    if (entry.count > 0) return;
    held.delete(lockPath);
    removeIfOurs(lockPath, entry.text);
  };
  const mine = held.get(lockPath);
  if (mine) {
    mine.count += 1;
    return release;
  }
  const text = JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() } satisfies LockInfo);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // O_EXCL: of two processes starting together, exactly one creates the file.
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      try {
        fs.writeSync(fd, text);
      } finally {
        fs.closeSync(fd);
      }
      held.set(lockPath, { count: 1, text });
      installExitHook();
      return release;
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
    }
    let found: { text: string; mtimeMs: number };
    try {
      found = { text: fs.readFileSync(lockPath, 'utf8'), mtimeMs: fs.statSync(lockPath).mtimeMs };
    } catch (err) {
      if (errorCode(err) === 'ENOENT') continue; // released meanwhile
      throw err;
    }
    const info = parseLock(found.text);
    if (!isStale(info, found.mtimeMs)) throw inUse(info);
    breakStaleLock(lockPath, found.text);
  }
  throw inUse(null);
}
