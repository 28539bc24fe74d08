/**
 * Starts `doudi serve` on a fresh temp data folder (or a prepared one) on a free port, as a county office
 * would run it, and stops it after the test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'main', 'cli.ts');

export interface TestServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

/** A ledger made with `doudi demo`, for tests that start from a populated county. */
/** A demo county of `households` households (40 keeps the specs quick; `doudi demo` makes 320). */
export function prepareDemo(password: string, households = 40): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-demo-'));
  const result = runCli(['demo', '--data', dataDir, '--households', String(households)], { DOUDI_PASSWORD: password });
  if (result.status !== 0) throw new Error(`doudi demo failed: ${result.stderr}`);
  return dataDir;
}

/** `env` may carry DOUDI_CLOCK_FILE: the server's clock then reads the instant written in that file. */
export async function startServer(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-')), env: Record<string, string> = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
