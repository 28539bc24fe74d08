import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../http/security-headers';
import { startHttpServer } from '../http/server';
import { fixedClock } from '../app/clock';
import { Sessions } from '../rpc/sessions';

type Scheme = { scheme: string; privileges: Record<string, boolean> };
const fake = vi.hoisted(() => ({ schemes: [] as Scheme[], handlers: new Map<string, (request: Request) => Promise<Response>>() }));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: Scheme[]) => fake.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, serveRenderer } = await import('./app-protocol');

/** A CSP as directive -> sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

/** The policy the renderer's own index.html declares in its meta tag. */
function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1];
}

const RENDERER_HTML = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
let base: string;
let rendererDir: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), RENDERER_HTML);
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'main.js'), 'export {};');
  registerAppScheme();
  serveRenderer(rendererDir);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('the content security policy', () => {
  it('lets in nothing remote: every source is the app itself, none, or inline data', () => {
    const policy = parsePolicy(CONTENT_SECURITY_POLICY);
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:', "'unsafe-inline'"]);
    for (const [directive, sources] of policy) {
      for (const source of sources) expect(allowed.has(source), `${directive} ${source}`).toBe(true);
      if (directive !== 'style-src') expect(sources).not.toContain("'unsafe-inline'");
    }
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('is the same in the renderer’s index.html as in the headers (a meta tag cannot carry frame-ancestors)', () => {
    const header = parsePolicy(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(parsePolicy(metaPolicy(RENDERER_HTML))).toEqual(header);
  });

  it('loads no script or style from outside the app', () => {
    expect(RENDERER_HTML).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
});

describe('the app:// protocol', () => {
  it('is a standard, secure scheme that does not bypass the policy', () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with the policy and the other security headers', async () => {
    const handle = fake.handlers.get('app')!;
    const page = await handle(new Request('app://doudi/index.html'));
    expect(page.status).toBe(200);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name)).toBe(value);
    expect(await page.text()).toBe(RENDERER_HTML);
    const script = await handle(new Request('app://doudi/assets/main.js'));
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves nothing from another host or outside the renderer folder', async () => {
    const handle = fake.handlers.get('app')!;
    for (const url of ['app://other/index.html', 'app://doudi/../secret.txt', 'app://doudi/%2e%2e/secret.txt', 'app://doudi/%2e%2e%2fsecret.txt', 'app://doudi/..%5csecret.txt', 'app://doudi/missing.js']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('the HTTP transport’s pages', () => {
  it('carry the same policy and headers as the desktop window', async () => {
    const clock = fixedClock('2026-11-20T09:00:00+08:00');
    const router = { call: async () => ({ ok: true as const, data: null }) };
    const server = await startHttpServer({ router, sessions: new Sessions(clock), clock, staticDir: rendererDir });
    try {
      for (const target of ['/', '/assets/main.js', '/missing']) {
        const response = await fetch(new URL(target, server.url));
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), `${target} ${name}`).toBe(value);
      }
      const api = await fetch(new URL('/api/rpc/auth.session', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(api.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(api.headers.get('Cache-Control')).toBe('no-store');
    } finally {
      await server.close();
    }
  });
});
