import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../fixtures/ledger';
import { servedCounties } from '../fixtures/http-server';
import { PeopleGenerator } from '../fixtures/people';

const { start } = servedCounties();

interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  cookie?: string;
}

function post(url: string, method: string, input: unknown, headers: Record<string, string> = {}, jobId?: string): Promise<Reply> {
  const target = new URL(`/api/rpc/${method}`, url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: url, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie']?.[0];
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), cookie: setCookie?.split(';')[0] });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ input, jobId }));
  });
}

describe('the HTTP transport', () => {
  it('signs in with a cookie that is renewed at sign-in, so a cookie known before is worthless', async () => {
    const { url } = await start();
    const first = await post(url, 'setup.status', {});
    expect(first.body).toMatchObject({ ok: true, data: { initialized: true } });
    expect(first.cookie).toMatch(/^doudi_session=/);
    const login = await post(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }, { Cookie: first.cookie! });
    expect(login.body.ok).toBe(true);
    expect(login.cookie).toBeDefined();
    expect(login.cookie).not.toBe(first.cookie);
    expect((await post(url, 'users.list', {}, { Cookie: login.cookie! })).body.ok).toBe(true);
    expect((await post(url, 'users.list', {}, { Cookie: first.cookie! })).body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses requests from another origin, another host name, or not in JSON', async () => {
    const { url } = await start();
    const login = await post(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const cookie = login.cookie!;
    const evil = await post(url, 'users.list', {}, { Cookie: cookie, Origin: 'http://evil.example' });
    expect(evil).toMatchObject({ status: 403, body: { error: { message: '拒绝来自其他来源的请求' } } });
    const crossSite = await post(url, 'users.list', {}, { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const rebinding = await post(url, 'users.list', {}, { Cookie: cookie, Host: 'attacker.example:80', Origin: 'http://attacker.example:80' });
    expect(rebinding.status).toBe(403);
    const form = await post(url, 'users.list', {}, { Cookie: cookie, 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('streams progress events of long work to the same session', async () => {
    const { url } = await start();
    const login = await post(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve) => {
      http.get(new URL('/api/events', url), { headers: { Cookie: login.cookie! } }, resolve);
    });
    stream.on('data', (chunk: Buffer) => events.push(chunk.toString()));
    const verify = await post(url, 'audit.verify', {}, { Cookie: login.cookie! }, 'job-7');
    expect(verify.body).toMatchObject({ ok: true, data: { ok: true } });
    await new Promise((r) => setTimeout(r, 50));
    stream.destroy();
    expect(events.join('')).toContain('"jobId":"job-7"');
  });
});

describe('uploads over HTTP', () => {
  function upload(url: string, body: Buffer, headers: Record<string, string>): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = http.request(new URL('/api/upload', url), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Origin: url, ...headers } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('keeps a signed-in user’s file for import, and refuses strangers, other origins and oversized files', async () => {
    const { url } = await start();
    const login = await post(url, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const cookie = login.cookie!;
    const elder = new PeopleGenerator(3).person({ bornFrom: 1930, bornTo: 1940 });
    const csv = Buffer.from(`姓名,身份证号码\n${elder.name},${elder.idNumber}\n`, 'utf8');
    const ok = await upload(url, csv, { Cookie: cookie, 'X-File-Name': encodeURIComponent('东山镇高龄津贴.csv') });
    expect(ok.body).toMatchObject({ ok: true, data: { fileName: '东山镇高龄津贴.csv', size: csv.length } });
    const uploadId = (ok.body.data as { uploadId: string }).uploadId;
    const preview = await post(url, 'imports.preview', { uploadId, purpose: 'initial_load' }, { Cookie: cookie });
    expect(preview.body).toMatchObject({ ok: true, data: { program: 'gaoling', format: 'csv' } });

    expect((await upload(url, csv, {})).status).toBe(401);
    expect((await upload(url, csv, { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    // A body declared at 200 MB is refused from its header, before it is read.
    const tooLarge = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(new URL('/api/upload', url), { method: 'POST', headers: { Origin: url, Cookie: cookie, 'Content-Length': String(200 * 1024 * 1024) } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error?.message).toMatch(/文件过大/);
  });
});
