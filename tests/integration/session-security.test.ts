/**
 * Sessions under attack: cookies that expire (idle and absolute, on a movable clock), are bound to the host
 * they were made for and renewed at sign-in; password guessing slowed down on every door (sign-in, unlock,
 * recovery code); weak passwords refused wherever one is set; the idle lock letting through only what a
 * locked screen needs.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { contract, type Access, type MethodName } from '../../src/shared/api/contract';
import { MAX_ANONYMOUS_SESSIONS, Sessions } from '../../src/main/rpc/sessions';
import { fixedClock } from '../../src/main/app/clock';
import { ADMIN_PASSWORD, COUNTY, createCounty, createTestLedger } from '../fixtures/ledger';
import { servedCounties } from '../fixtures/http-server';

const served = servedCounties();

interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  /** The whole Set-Cookie header, attributes included. */
  setCookie?: string;
  /** Just `name=value`, to send back. */
  cookie?: string;
}

/** A request as a browser at `host` (e.g. "localhost:PORT") would send it, to the server at `url`. */
function send(url: string, path: string, options: { host?: string; cookie?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  const target = new URL(path, url);
  const host = options.host ?? target.host;
  const headers: Record<string, string> = { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json', ...options.headers };
  if (options.cookie) headers.Cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie']?.[0];
        let body: Reply['body'];
        try {
          body = JSON.parse(text) as Reply['body'];
        } catch {
          body = { ok: false, error: { code: 'NOT_JSON', message: text } };
        }
        resolve({ status: res.statusCode ?? 0, body, setCookie, cookie: setCookie?.split(';')[0] });
      });
    });
    req.on('error', reject);
    req.end(options.body ?? '{}');
  });
}

const rpc = (url: string, method: string, input: unknown, options: { host?: string; cookie?: string } = {}) =>
  send(url, `/api/rpc/${method}`, { ...options, body: JSON.stringify({ input }) });

/** A county behind a server, with the two host names the server answers to. */
async function start() {
  const { t, url } = await served.start();
  const port = new URL(url).port;
  return { t, url, ip: `127.0.0.1:${port}`, localhost: `localhost:${port}` };
}

async function signIn(url: string, host?: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const reply = await rpc(url, 'auth.login', { username, password }, { host });
  expect(reply.body.ok).toBe(true);
  return reply.cookie!;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, with no domain and no lifetime of its own', async () => {
    const { url } = await start();
    const first = await rpc(url, 'setup.status', {});
    const attributes = first.setCookie!.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^doudi_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
  });

  it('gets a new id at sign-in; the id from before and the signed-out id open nothing', async () => {
    const { t, url } = await start();
    const before = (await rpc(url, 'setup.status', {})).cookie!;
    const login = await rpc(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }, { cookie: before });
    expect(login.cookie).toMatch(/^doudi_session=/);
    expect(login.cookie).not.toBe(before);
    expect(t.sessions.get(before.split('=')[1])).toBeUndefined();
    expect((await rpc(url, 'users.list', {}, { cookie: before })).body.error?.code).toBe('UNAUTHENTICATED');
    expect((await rpc(url, 'users.list', {}, { cookie: login.cookie })).body.ok).toBe(true);
    await rpc(url, 'auth.logout', {}, { cookie: login.cookie });
    expect(t.sessions.get(login.cookie!.split('=')[1])).toBeUndefined();
    expect((await rpc(url, 'users.list', {}, { cookie: login.cookie })).body.error?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a session is bound to the host name it was made for', () => {
  it('refuses a cookie from 127.0.0.1 sent to localhost, and the other way round, on every route', async () => {
    const { t, url, ip, localhost } = await start();
    const cookie = await signIn(url, ip);
    const refused = { status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: '会话不属于当前访问地址，请在本地址重新登录' } } };
    expect(await rpc(url, 'users.list', {}, { host: localhost, cookie })).toMatchObject(refused);
    expect(await rpc(url, 'auth.session', {}, { host: localhost, cookie })).toMatchObject(refused);
    expect(await send(url, '/api/upload', { host: localhost, cookie, body: Buffer.from('a,b\n'), headers: { 'Content-Type': 'application/octet-stream' } })).toMatchObject(refused);
    expect(await send(url, '/api/download/some-token', { host: localhost, cookie })).toMatchObject(refused);
    const events = await new Promise<number>((resolve, reject) => {
      http.get(new URL('/api/events', url), { headers: { Host: localhost, Cookie: cookie } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(events).toBe(403);
    // The refusal neither signs the session out nor hands out a new cookie; at home it still works.
    expect(t.sessions.signedInCount()).toBeGreaterThan(0);
    expect((await rpc(url, 'users.list', {}, { host: ip, cookie })).body.ok).toBe(true);

    const there = await signIn(url, localhost);
    expect((await rpc(url, 'users.list', {}, { host: localhost, cookie: there })).body.ok).toBe(true);
    expect((await rpc(url, 'users.list', {}, { host: ip, cookie: there })).status).toBe(403);
  });

  it('also binds a session made before sign-in, so a planted anonymous cookie cannot follow the user to another host', async () => {
    const { url, ip, localhost } = await start();
    const planted = (await rpc(url, 'setup.status', {}, { host: ip })).cookie!;
    expect((await rpc(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }, { host: localhost, cookie: planted })).status).toBe(403);
  });
});

describe('sessions expire', () => {
  it('after two hours without a call: locked first, then gone, with the expiry announced', async () => {
    const { t, url } = await start();
    const cookie = await signIn(url);
    const events: unknown[] = [];
    t.sessions.get(cookie.split('=')[1])!.listeners.add((e) => events.push(e));

    t.clock.advance(2 * HOUR - MINUTE);
    const idle = await rpc(url, 'auth.session', {}, { cookie });
    expect(idle.body).toMatchObject({ ok: true, data: { session: { locked: true } } });
    expect((await rpc(url, 'users.list', {}, { cookie })).body.error?.code).toBe('SESSION_LOCKED');
    expect(idle.cookie).toBeUndefined();

    t.clock.advance(2 * MINUTE);
    const gone = await rpc(url, 'auth.session', {}, { cookie });
    expect(gone.body).toMatchObject({ ok: true, data: { session: null } });
    expect(gone.cookie).toMatch(/^doudi_session=/);
    expect(gone.cookie).not.toBe(cookie);
    expect(events).toEqual([
      { type: 'session', state: 'locked' },
      { type: 'session', state: 'expired' },
    ]);
    expect((await rpc(url, 'users.list', {}, { cookie })).body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('twelve hours after sign-in however busy, counted from sign-in rather than from the first page', async () => {
    const { t, url } = await start();
    await t.call(t.admin, 'settings.update', { countyName: COUNTY.countyName, idleLockMinutes: 240 });
    const anonymous = (await rpc(url, 'setup.status', {})).cookie!;
    t.clock.advance(90 * MINUTE);
    const login = await rpc(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }, { cookie: anonymous });
    const cookie = login.cookie!;
    for (let hour = 1; hour <= 11; hour++) {
      t.clock.advance(HOUR);
      expect((await rpc(url, 'users.list', {}, { cookie })).body.ok, `hour ${hour}`).toBe(true);
    }
    t.clock.advance(59 * MINUTE);
    expect((await rpc(url, 'users.list', {}, { cookie })).body.ok).toBe(true);
    t.clock.advance(2 * MINUTE);
    expect((await rpc(url, 'users.list', {}, { cookie })).body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps at most a thousand sessions nobody signed in to, and never drops a signed-in one', () => {
    const sessions = new Sessions(fixedClock('2026-11-20T09:00:00+08:00'));
    const first = sessions.create();
    const signedIn = sessions.create();
    signedIn.user = { id: 'u1', username: 'admin', displayName: '管理员', role: 'admin', townshipId: null, townshipName: null, mustChangePassword: false };
    const made = Array.from({ length: MAX_ANONYMOUS_SESSIONS + 5 }, () => sessions.create());
    expect(sessions.get(first.id)).toBeUndefined();
    expect(made.slice(0, 5).every((s) => sessions.get(s.id) === undefined)).toBe(true);
    expect(made.slice(5).every((s) => sessions.get(s.id) === s)).toBe(true);
    expect(sessions.get(signedIn.id)).toBe(signedIn);
  });
});

describe('password guessing is slowed on every door', () => {
  it('locks a name after five wrong passwords even for the right one, leaves other names alone, and lifts with time', async () => {
    const t = served.keep(await createCounty());
    for (let i = 0; i < 5; i++) expect((await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: `Guess${i}pass1` })).code).toBe('WRONG_CREDENTIALS');
    expect(await t.failure(t.sessions.create(), 'auth.login', { username: 'ADMIN', password: ADMIN_PASSWORD })).toMatchObject({ code: 'RATE_LIMITED', message: '密码错误次数过多，请 60 秒后再试', details: { retryAfter: 60 } });
    await t.login('dongshan', 'Temp2026pass');
    t.clock.advance(59_000);
    expect((await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).code).toBe('RATE_LIMITED');
    t.clock.advance(1_000);
    await t.login('admin', ADMIN_PASSWORD);
  });

  it('does the same for unlocking a locked screen', async () => {
    const t = served.keep(await createCounty());
    await t.call(t.admin, 'auth.lock', {});
    for (let i = 0; i < 5; i++) expect((await t.failure(t.admin, 'auth.unlock', { password: `Guess${i}pass1` })).code).toBe('WRONG_CREDENTIALS');
    expect((await t.failure(t.admin, 'auth.unlock', { password: ADMIN_PASSWORD })).code).toBe('RATE_LIMITED');
    t.clock.advance(60_000);
    await t.call(t.admin, 'auth.unlock', { password: ADMIN_PASSWORD });
  });

  it('and for the recovery code', async () => {
    const t = served.keep(await createCounty());
    const anon = t.sessions.create();
    for (let i = 0; i < 5; i++) {
      const error = await t.failure(anon, 'auth.recover', { recoveryCode: `AAAAA-BBBBB-CCCCC-DDDDD-EEEE${i}`, username: 'admin', newPassword: 'Brand2026new' });
      expect(error.code).toBe('WRONG_CREDENTIALS');
    }
    expect((await t.failure(anon, 'auth.recover', { recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'Brand2026new' })).code).toBe('RATE_LIMITED');
    t.clock.advance(60_000);
    await t.call(anon, 'auth.recover', { recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'Brand2026new' });
  });
});

describe('weak passwords', () => {
  it('are refused wherever a password is set, with the rule on the field', async () => {
    const fresh = await createTestLedger();
    try {
      const setup = await fresh.failure(fresh.sessions.create(), 'setup.create', { ...COUNTY, adminUsername: 'admin', adminDisplayName: '管理员', adminPassword: 'admin2026' });
      expect(setup).toMatchObject({ code: 'WEAK_PASSWORD', message: '密码不能包含用户名', details: { fields: [{ path: ['adminPassword'] }] } });
    } finally {
      await fresh.dispose();
    }
    const t = served.keep(await createCounty());
    const create = await t.failure(t.admin, 'users.create', { username: 'beta', displayName: '乙', role: 'county_clerk', townshipId: null, password: 'abcdefgh' });
    expect(create).toMatchObject({ code: 'WEAK_PASSWORD', message: '密码须同时包含字母和数字' });
    expect((await t.failure(t.admin, 'users.resetPassword', { id: t.clerk.id, newPassword: 'short1' })).code).toBe('WEAK_PASSWORD');
    await t.call(t.admin, 'users.setActive', { id: t.clerk.id, active: false });
    expect((await t.failure(t.admin, 'users.setActive', { id: t.clerk.id, active: true, newPassword: 'dongshan2026' })).code).toBe('WEAK_PASSWORD');
    const recover = await t.failure(t.sessions.create(), 'auth.recover', { recoveryCode: t.recoveryCode, username: 'admin', newPassword: '12345678' });
    expect(recover.code).toBe('WEAK_PASSWORD');
    await t.login('admin', ADMIN_PASSWORD);
  });
});

describe('the idle lock', () => {
  const accessOf = (m: MethodName): Access => contract[m].access;
  const whileLocked = (Object.keys(contract) as MethodName[]).filter((m) => {
    const access = accessOf(m);
    return access.kind === 'user' && access.whileLocked;
  });
  const publicMethods = (Object.keys(contract) as MethodName[]).filter((m) => accessOf(m).kind === 'public');

  it('lets only signing out, locking and unlocking run on a locked session; nothing else is public', () => {
    expect(whileLocked.sort()).toEqual(['auth.lock', 'auth.logout', 'auth.unlock']);
    expect(publicMethods.sort()).toEqual(['auth.login', 'auth.recover', 'auth.session', 'setup.create', 'setup.status']);
  });

  it('locks after the configured idle minutes, not before, and then refuses every other method', async () => {
    const t = served.keep(await createCounty());
    await t.call(t.admin, 'settings.update', { countyName: COUNTY.countyName, idleLockMinutes: 30 });
    const clerk = await t.login('dongshan', 'Temp2026pass');
    await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    const events: unknown[] = [];
    clerk.listeners.add((e) => events.push(e));
    t.clock.advance(30 * MINUTE);
    await t.call(clerk, 'auth.heartbeat', {});
    t.clock.advance(30 * MINUTE + 1);
    expect((await t.failure(clerk, 'auth.heartbeat', {})).code).toBe('SESSION_LOCKED');
    expect(events).toEqual([{ type: 'session', state: 'locked' }]);

    const refused: string[] = [];
    for (const method of Object.keys(contract) as MethodName[]) {
      const access = accessOf(method);
      if (access.kind !== 'user' || access.whileLocked) continue;
      const result = await t.router.call(clerk, method, {});
      if (result.ok || result.error.code !== 'SESSION_LOCKED') refused.push(`${method}: ${result.ok ? 'ran' : result.error.code}`);
    }
    expect(refused).toEqual([]);
    // A locked screen answers what the lock screen needs, and still knows who it belongs to.
    expect(await t.call(clerk, 'auth.session', {})).toMatchObject({ session: { locked: true, user: { username: 'dongshan' } } });
    await t.call(clerk, 'auth.unlock', { password: 'Mine2026pass' });
    expect((await t.call(clerk, 'regions.townships', {})).length).toBe(1);
  });

  it('refuses a file handed in over HTTP while the screen is locked', async () => {
    const { t, url } = await start();
    const cookie = await signIn(url);
    t.clock.advance(11 * MINUTE);
    const upload = await send(url, '/api/upload', { cookie, body: Buffer.from('姓名\n'), headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'a.csv' } });
    expect(upload.body.error?.code).toBe('SESSION_LOCKED');
  });
});
