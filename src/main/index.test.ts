import { describe, expect, it, vi } from 'vitest';

/** The Electron entry, run against fakes: what it registers, in which order, and what it loads. */
const fake = vi.hoisted(() => {
  const steps: string[] = [];
  const windows: { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[] = [];
  return { steps, windows, ipcChannels: [] as string[] };
});

vi.mock('./app/heap', () => ({ boundHeapGrowth: () => fake.steps.push('heap') }));

vi.mock('electron', () => {
  const on = () => {};
  class BrowserWindow {
    readonly loaded: string[] = [];
    readonly webContents = { send: () => {}, isDestroyed: () => false };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      fake.steps.push('window');
      fake.windows.push(this);
    }
    once() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    async loadFile(file: string) {
      this.loaded.push(`file:${file}`);
    }
  }
  return {
    BrowserWindow,
    app: {
      requestSingleInstanceLock: () => true,
      on,
      whenReady: async () => {},
      getPath: () => '/nonexistent/doudi-user-data',
      quit: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: () => fake.steps.push('scheme'),
      handle: (scheme: string) => fake.steps.push(`serve ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => fake.steps.push('permissions'),
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
      },
    },
    shell: { openExternal: async () => {} },
    ipcMain: { handle: (channel: string) => fake.ipcChannels.push(channel) },
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
  };
});

describe('the desktop entry', () => {
  it('bounds the heap first, hardens before the first window, opens one sandboxed window and loads only app://', async () => {
    await import('./index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.steps).toEqual(['heap', 'scheme', 'permissions', 'serve app', 'window']);
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(window!.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window!.loaded).toEqual(['app://doudi/index.html']);
    expect(fake.ipcChannels.sort()).toEqual(['doudi:invoke', 'doudi:upload']);
  });
});
