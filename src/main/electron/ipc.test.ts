import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_UPLOAD } from '../../shared/api/bridge';
import type { WireResult } from '../../shared/api/errors';
import { fixedClock } from '../app/clock';
import type { Router } from '../rpc/router';
import { Sessions, type Session } from '../rpc/sessions';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const ipc = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => ipc.handlers.set(channel, handler) },
  dialog: { showSaveDialog: async () => ({ canceled: true }) },
}));

const { connectIpc } = await import('./ipc');

const ourContents = { send: vi.fn(), printToPDF: vi.fn() };
const window = { webContents: ourContents, isDestroyed: () => false };
const otherContents = { send: vi.fn() };
const APP_PAGE = { url: 'app://doudi/index.html#/people' };

let session: Session;
let calls: unknown[][];
let clock: ReturnType<typeof fixedClock>;

beforeEach(() => {
  ipc.handlers.clear();
  calls = [];
  const router: Router = {
    call: async (...args) => {
      calls.push(args);
      return { ok: true, data: 'reached the router' };
    },
  };
  clock = fixedClock('2026-11-20T09:00:00+08:00');
  session = new Sessions(clock).create();
  session.user = { id: 'u1', username: 'clerk', displayName: '经办员', role: 'county_clerk', townshipId: null, townshipName: null, mustChangePassword: false };
  session.idleLockMinutes = 10;
  connectIpc(window as never, router, session, clock);
});

async function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<WireResult<unknown>> {
  const handler = ipc.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, ...args)) as WireResult<unknown>;
}

describe('the IPC transport', () => {
  it('passes a call from our window’s app:// page to the router, with its session', async () => {
    const result = await invoke(IPC_INVOKE, { sender: ourContents, senderFrame: APP_PAGE }, 'auth.session', {}, { jobId: 'job-1' });
    expect(result).toEqual({ ok: true, data: 'reached the router' });
    expect(calls).toEqual([[session, 'auth.session', {}, { jobId: 'job-1' }]]);
  });

  it('refuses calls from another web contents or a page that is not ours, before the router', async () => {
    const strangers = [
      { sender: otherContents, senderFrame: APP_PAGE },
      { sender: ourContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: ourContents, senderFrame: { url: 'file:///tmp/x.html' } },
      { sender: ourContents, senderFrame: { url: 'app://elsewhere/index.html' } },
      { sender: ourContents, senderFrame: null },
      { sender: ourContents },
    ];
    for (const event of strangers) {
      expect(await invoke(IPC_INVOKE, event, 'users.list', {}, {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } });
      expect((await invoke(IPC_UPLOAD, event, 'roster.csv', new Uint8Array([1, 2, 3]))).ok).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(session.uploads.size).toBe(0);
  });

  it('keeps an upload from our page with exactly the bytes sent', async () => {
    const pool = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const view = pool.subarray(2, 5);
    const reply = await invoke(IPC_UPLOAD, { sender: ourContents, senderFrame: APP_PAGE }, 'roster.csv', view);
    expect(reply).toMatchObject({ ok: true, data: { fileName: 'roster.csv', size: 3 } });
    expect([...session.uploads.values()][0]?.data).toEqual(Buffer.from([1, 2, 3]));
    expect((await invoke(IPC_UPLOAD, { sender: ourContents, senderFrame: APP_PAGE }, 'x.csv', 'not bytes')).ok).toBe(false);
  });

  it('refuses a file once the session has been idle past its lock minutes', async () => {
    clock.advance(10 * 60_000 + 1);
    const reply = await invoke(IPC_UPLOAD, { sender: ourContents, senderFrame: APP_PAGE }, 'roster.csv', new Uint8Array([1]));
    expect(reply).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(session.locked).toBe(true);
    expect(session.uploads.size).toBe(0);
  });

  it('sends the session’s events only to our window', () => {
    session.listeners.forEach((l) => l({ type: 'session', state: 'locked' }));
    expect(ourContents.send).toHaveBeenCalledWith('doudi:event', { type: 'session', state: 'locked' });
    expect(otherContents.send).not.toHaveBeenCalled();
  });
});
