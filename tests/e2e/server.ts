/**
 * Starts `doudi serve` on a fresh data folder (or a prepared one) on a free port, as a county office would
 * run it, and stops it after the test. Every process writes its output to a log file and uses its own temp
 * folder under test-results/e2e-run; the data folders stay there until the run's last step has checked
 * them all for personal data (global-teardown.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newLedgerFolder, newLogFile, NODE_REPORT_FLAGS, processEnv, rememberPassword } from './run-folders';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'main', 'cli.ts');

export interface TestServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Runs a `doudi` command with its output in a new log file; the status and that file. */
function runCli(args: string[], env: Record<string, string> = {}): { status: number | null; log: string } {
  const log = newLogFile(args[0] ?? 'cli');
  const fd = fs.openSync(log, 'a');
  try {
    const result = spawnSync(process.execPath, [...NODE_REPORT_FLAGS, '--import', 'tsx', CLI, ...args], { cwd: ROOT, env: processEnv(env), stdio: ['ignore', fd, fd] });
    return { status: result.status, log };
  } finally {
    fs.closeSync(fd);
  }
}

/** A ledger made with `doudi demo`, for tests that start from a populated county. */
/** A demo county of `households` households (40 keeps the specs quick; `doudi demo` makes 320). */
/** `env` may carry DOUDI_CLOCK_FILE: the county is then dated by that clock, as the server will be. */
export function prepareDemo(password: string, households = 40, env: Record<string, string> = {}): string {
  const dataDir = newLedgerFolder('demo');
  rememberPassword(dataDir, password);
  const result = runCli(['demo', '--data', dataDir, '--households', String(households)], { ...env, DOUDI_PASSWORD: password });
  if (result.status !== 0) throw new Error(`doudi demo failed: ${fs.readFileSync(result.log, 'utf8')}`);
  return dataDir;
}

/** `env` may carry DOUDI_CLOCK_FILE: the server's clock then reads the instant written in that file. */
export async function startServer(dataDir = newLedgerFolder('county'), env: Record<string, string> = {}): Promise<TestServer> {
  const log = newLogFile('serve');
  const fd = fs.openSync(log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...NODE_REPORT_FLAGS, '--import', 'tsx', CLI, 'serve', '--data', dataDir, '--port', '0'], {
      cwd: ROOT,
      env: processEnv(env),
      stdio: ['ignore', fd, fd],
    });
  } finally {
    fs.closeSync(fd);
  }
  const output = () => fs.readFileSync(log, 'utf8');
  const url = await new Promise<string>((resolve, reject) => {
    const finish = (error: Error | null, found?: string) => {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve(found!);
    };
    const exited = (code: number | null) => finish(new Error(`server exited with ${code}: ${output()}`));
    const timer = setTimeout(() => finish(new Error(`server did not start: ${output()}`)), 30_000);
    const poll = setInterval(() => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output());
      if (match) finish(null, match[0]);
    }, 50);
    child.once('exit', exited);
  });
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
