import { describe, expect, it, vi } from 'vitest';

/** The preload against fakes: what it hands the untrusted page, and what crosses on each channel. */
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args);
      return { ok: true, data: null };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => fake.listeners.set(channel, listener),
    removeListener: (channel: string) => fake.listeners.delete(channel),
  },
}));

await import('./index');

describe('the preload bridge', () => {
  it('exposes one object with invoke, upload and on, and nothing of Electron or Node', () => {
    expect([...fake.exposed.keys()]).toEqual(['doudi']);
    const bridge = fake.exposed.get('doudi') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'upload']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends calls only on its own channels', async () => {
    const bridge = fake.exposed.get('doudi') as { invoke: (m: string, i: unknown) => Promise<unknown>; upload: (f: string, d: ArrayBuffer) => Promise<unknown> };
    await bridge.invoke('people.list', { q: 'x' });
    await bridge.upload('a.csv', new ArrayBuffer(2));
    expect(fake.invoked.map((args) => args[0])).toEqual(['doudi:invoke', 'doudi:upload']);
  });

  it('hands listeners the event payload only, never the IPC event with its sender', () => {
    const bridge = fake.exposed.get('doudi') as { on: (l: (...args: unknown[]) => void) => () => void };
    const received: unknown[][] = [];
    const off = bridge.on((...args) => received.push(args));
    fake.listeners.get('doudi:event')!({ sender: 'the ipc renderer' }, { type: 'session', state: 'locked' });
    expect(received).toEqual([[{ type: 'session', state: 'locked' }]]);
    off();
    expect(fake.listeners.has('doudi:event')).toBe(false);
  });
});
