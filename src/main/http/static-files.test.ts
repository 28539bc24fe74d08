import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from './static-files';

describe('static files', () => {
  it('serves files inside the renderer folder and nothing outside it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-static-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), '');
    expect(resolveStatic(root, '/')).toMatchObject({ type: 'text/html; charset=utf-8' });
    expect(resolveStatic(root, '/assets/a.js?v=1')).toMatchObject({ type: 'text/javascript; charset=utf-8' });
    expect(resolveStatic(root, '/../../etc/passwd')).toBeNull();
    expect(resolveStatic(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic(root, '/missing.js')).toBeNull();
    expect(resolveStatic(root, '/%00')).toBeNull();
    fs.rmSync(root, { recursive: true });
  });
});
