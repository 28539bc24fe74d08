/**
 * The HTTP transport: the same router as the desktop IPC, over HTTP on 127.0.0.1 by default, serving the
 * built renderer too. Sessions ride an HttpOnly SameSite=Strict cookie, renewed at sign-in and bound to the
 * host name they were made for; requests from another origin or for another host name (DNS rebinding)
 * are refused; progress events flow as server-sent events.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerEvent } from '../../shared/api/contract';
import type { WireResult } from '../../shared/api/errors';
import type { Router } from '../rpc/router';
import { lockWhenIdle, type Session, type Sessions } from '../rpc/sessions';
import { SECURITY_HEADERS } from './security-headers';
import { resolveStatic } from './static-files';
import { Downloads } from './downloads';
import type { Clock } from '../app/clock';
import { acceptUpload, MAX_UPLOAD_BYTES, uploadTooLarge } from '../rpc/uploads';

const COOKIE = 'doudi_session';
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HttpServerOptions {
  router: Router;
  sessions: Sessions;
  clock: Clock;
  host?: string;
  port?: number;
  /** The built renderer (out/renderer); without it the server answers the API only. */
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...extra });
  res.end(JSON.stringify(body));
}

const refusal = (message: string): WireResult<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

/** The raw body, or null once it passes `limit` (the rest is not read: memory stays bounded). */
function readBytes(req: http.IncomingMessage, limit: number): Promise<{ data: Buffer | null; seen: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        resolve({ data: null, seen: size });
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ data: Buffer.concat(chunks), seen: size }));
    req.on('error', reject);
  });
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const { data } = await readBytes(req, MAX_BODY_BYTES);
  if (!data) req.destroy();
  return data ? data.toString('utf8') : null;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const { router, sessions } = options;
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : null;
  let allowedHosts = new Set<string>();
  const downloads = new Downloads(options.clock);

  /** Same-origin only: the Host must be ours, and a browser's Origin / Sec-Fetch-Site must agree. */
  function sameOrigin(req: http.IncomingMessage): boolean {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts.has(hostHeader)) return false;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader}`) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  /**
   * The live session the cookie names, or 'foreign' when it was made for another host name (a cookie
   * carried from 127.0.0.1 to localhost, or lifted and replayed elsewhere).
   */
  function cookieSession(req: http.IncomingMessage): Session | undefined | 'foreign' {
    const session = sessions.get(cookieValue(req.headers.cookie, COOKIE));
    if (session && session.boundHost !== req.headers.host) return 'foreign';
    return session;
  }

  function sessionFor(req: http.IncomingMessage): { session: Session; fresh: boolean } | 'foreign' {
    const existing = cookieSession(req);
    if (existing) return existing === 'foreign' ? existing : { session: existing, fresh: false };
    const session = sessions.create();
    session.boundHost = req.headers.host;
    session.files = downloads.sinkFor(session);
    return { session, fresh: true };
  }

  const foreignSession = refusal('会话不属于当前访问地址，请在本地址重新登录');

  const cookieHeader = (session: Session) => `${COOKIE}=${session.id}; HttpOnly; SameSite=Strict; Path=/`;

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') return sendJson(res, 405, refusal('只接受 POST 请求'));
    if (!sameOrigin(req)) return sendJson(res, 403, refusal('拒绝来自其他来源的请求'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, refusal('请求格式不正确'));
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: '请求内容过大' } });
    let envelope: { input?: unknown; jobId?: unknown };
    try {
      envelope = body ? (JSON.parse(body) as typeof envelope) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
    }
    const found = sessionFor(req);
    if (found === 'foreign') return sendJson(res, 403, foreignSession);
    const { session, fresh } = found;
    const idBefore = session.id;
    const jobId = typeof envelope.jobId === 'string' && envelope.jobId.length <= 64 ? envelope.jobId : undefined;
    const result = await router.call(session, method, envelope.input, { jobId });
    const headers: Record<string, string> = fresh || session.id !== idBefore ? { 'Set-Cookie': cookieHeader(session) } : {};
    sendJson(res, 200, result, headers);
  }

  /** A file for import: the raw bytes in the body, its name in X-File-Name (URI-encoded). */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'POST') return sendJson(res, 405, refusal('只接受 POST 请求'));
    if (!sameOrigin(req)) return sendJson(res, 403, refusal('拒绝来自其他来源的请求'));
    const session = cookieSession(req);
    if (session === 'foreign') return sendJson(res, 403, foreignSession);
    if (!session?.user) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
    lockWhenIdle(session, options.clock.now().getTime());
    // Too large: answer first, then drop the connection rather than read the rest.
    const refuse = (bytes: number) => {
      res.once('finish', () => req.destroy());
      sendJson(res, 413, uploadTooLarge(bytes), { Connection: 'close' });
    };
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) return refuse(declared);
    const { data, seen } = await readBytes(req, MAX_UPLOAD_BYTES);
    if (!data) return refuse(seen);
    let fileName: string;
    try {
      fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    } catch {
      fileName = '';
    }
    sendJson(res, 200, acceptUpload(session, fileName, data, options.clock.now().getTime()));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!sameOrigin(req)) return sendJson(res, 403, refusal('拒绝来自其他来源的请求'));
    const session = cookieSession(req);
    if (session === 'foreign') return sendJson(res, 403, foreignSession);
    if (!session) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    const listener = (event: ServerEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    session.listeners.add(listener);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      session.listeners.delete(listener);
    });
  }

  function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, token: string) {
    if (!sameOrigin(req)) return sendJson(res, 403, refusal('拒绝来自其他来源的请求'));
    const session = cookieSession(req);
    if (session === 'foreign') return sendJson(res, 403, foreignSession);
    if (session) lockWhenIdle(session, options.clock.now().getTime());
    if (session?.locked) return sendJson(res, 403, { ok: false, error: { code: 'SESSION_LOCKED', message: '屏幕已锁定，请输入密码解锁' } });
    const file = downloads.take(token, session);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return res.end('文件已过期或已下载，请重新导出');
    }
    res.writeHead(200, {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.data.length),
      'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(file.data);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, refusal('不支持的请求'));
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 403, refusal('拒绝该主机名'));
    if (!staticRoot || !fs.existsSync(path.join(staticRoot, 'index.html'))) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return res.end('界面尚未构建：请先运行 npm run build');
    }
    const found = resolveStatic(staticRoot, req.url ?? '/');
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return res.end('未找到');
    }
    const immutable = found.file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, { 'Content-Type': found.type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', ...SECURITY_HEADERS });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(found.file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const handle = async () => {
      if (url.startsWith('/api/rpc/')) return handleRpc(req, res, decodeURIComponent(url.slice('/api/rpc/'.length).split('?')[0] ?? ''));
      if (url === '/api/events') return handleEvents(req, res);
      if (url === '/api/upload') return handleUpload(req, res);
      if (url.startsWith('/api/download/')) return handleDownload(req, res, url.slice('/api/download/'.length));
      return handleStatic(req, res);
    };
    handle().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostNames = new Set([host, '127.0.0.1', 'localhost']);
  if (host === '::1') hostNames.add('[::1]');
  allowedHosts = new Set([...hostNames].map((h) => `${h}:${port}`));
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
