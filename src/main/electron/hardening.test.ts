import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Fakes of the parts of `electron` the hardening touches: the app's events, the default session, the shell. */
const fake = vi.hoisted(() => {
  const handlers: {
    permissionRequest?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
    permissionCheck?: (wc: unknown, permission: string) => boolean;
    devicePermission?: (details: unknown) => boolean;
  } = {};
  return {
    handlers,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    openExternal: [] as string[],
  };
});

vi.mock('electron', () => ({
  app: { on: (name: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(name, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.handlers.permissionRequest) => (fake.handlers.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof fake.handlers.permissionCheck) => (fake.handlers.permissionCheck = h),
      setDevicePermissionHandler: (h: typeof fake.handlers.devicePermission) => (fake.handlers.devicePermission = h),
    },
  },
  shell: {
    openExternal: async (url: string) => {
      fake.openExternal.push(url);
    },
  },
}));

const { hardenAllWindows, isExternalWebUrl } = await import('./hardening');

/** A web contents as the app sees it: an event emitter with a window-open handler. */
class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function created(): FakeContents {
  const contents = new FakeContents();
  const listener = fake.appListeners.get('web-contents-created');
  if (!listener) throw new Error('no web-contents-created listener');
  listener({}, contents);
  return contents;
}

/** Emits a navigation event and says whether it was stopped. */
function stopped(contents: FakeContents, eventName: string, url: string): boolean {
  let prevented = false;
  contents.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
  return prevented;
}

beforeEach(() => {
  fake.appListeners.clear();
  fake.openExternal.length = 0;
  hardenAllWindows();
});

describe('every window of the app', () => {
  it('stays on app:// when the page, a frame or a redirect tries to go elsewhere', () => {
    const contents = created();
    for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(stopped(contents, eventName, 'https://evil.example/login')).toBe(true);
      expect(stopped(contents, eventName, 'http://127.0.0.1:4317/')).toBe(true);
      expect(stopped(contents, eventName, 'file:///etc/passwd')).toBe(true);
      expect(stopped(contents, eventName, 'app://other/index.html')).toBe(true);
      expect(stopped(contents, eventName, 'javascript:alert(1)')).toBe(true);
      expect(stopped(contents, eventName, 'app://doudi/index.html#/people')).toBe(false);
    }
  });

  it('never attaches a webview', () => {
    const contents = created();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('denies every new window; only http(s) links go to the system browser', () => {
    const contents = created();
    const open = contents.openHandler!;
    for (const url of ['https://www.mca.gov.cn/', 'http://example.org/a', 'app://doudi/index.html', 'file:///C:/Windows/system32/calc.exe', 'smb://server/share', 'javascript:alert(1)', 'ms-msdt:/id', 'not a url']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.openExternal).toEqual(['https://www.mca.gov.cn/', 'http://example.org/a']);
  });

  it('refuses every permission and device the page asks for', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      fake.handlers.permissionRequest!({}, permission, (granted) => answers.push(granted));
      expect(fake.handlers.permissionCheck!({}, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect(fake.handlers.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('tells web links from everything else', () => {
    expect(isExternalWebUrl('https://a.example')).toBe(true);
    expect(isExternalWebUrl('HTTP://A.EXAMPLE')).toBe(true);
    expect(isExternalWebUrl(' file:///x')).toBe(false);
    expect(isExternalWebUrl('httpx://a')).toBe(false);
  });
});
