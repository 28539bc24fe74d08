import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../http/security-headers';
import { resolveStatic } from '../http/static-files';
import { APP_HOST, APP_SCHEME } from './window-options';

/** Must run before the app is ready: `app://` behaves as a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `app://doudi/`, with the same security headers as the HTTP transport. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const found = url.host === APP_HOST ? resolveStatic(root, url.pathname) : null;
    if (!found) return new Response('未找到', { status: 404, headers: SECURITY_HEADERS });
    return new Response(await fs.promises.readFile(found.file), { headers: { 'Content-Type': found.type, ...SECURITY_HEADERS } });
  });
}
