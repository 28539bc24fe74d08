import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../http/security-headers';
import { isAppUrl, windowOptions } from './window-options';

describe('the desktop window', () => {
  it('runs the renderer isolated and sandboxed, without Node', () => {
    const prefs = windowOptions('/x/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
  });

  it('gives Node to no worker or frame, and turns off experimental and drag-and-drop navigation', () => {
    const prefs: Record<string, unknown> = windowOptions('/x/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, experimentalFeatures: false, navigateOnDragDrop: false, preload: '/x/preload.cjs' });
    // Any further preference must be looked at here before it ships.
    expect(Object.keys(prefs).sort()).toEqual([
      'allowRunningInsecureContent',
      'contextIsolation',
      'experimentalFeatures',
      'navigateOnDragDrop',
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'preload',
      'sandbox',
      'spellcheck',
      'webSecurity',
      'webviewTag',
    ]);
  });

  it('treats only its own app:// origin as the app', () => {
    expect(isAppUrl('app://doudi/index.html#/login')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://doudi/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('has a policy that allows no remote or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
