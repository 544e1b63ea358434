import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, mainWindowOptions } from '../../../electron/security';
import { isTrustedSenderUrl } from '../../../electron/ipc/senderPolicy';

const mainSource = readFileSync(resolve(import.meta.dirname, '../../../electron/main.ts'), 'utf8');
const preloadSource = readFileSync(resolve(import.meta.dirname, '../../../electron/preload.ts'), 'utf8');

describe('main window security baseline', () => {
  const prefs = mainWindowOptions('/app/preload.cjs', true).webPreferences!;

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('has a strict Content-Security-Policy with no remote origins', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    // The page's own meta CSP (used where no header can be set) must be no looser.
    const html = readFileSync(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/unsafe-eval|https?:\/\/(?!www\.w3)/);
  });

  it('allows navigation only inside the app origin', () => {
    expect(isAllowedNavigation('app://station/index.html#/settings', 'app://station')).toBe(true);
    expect(isAllowedNavigation('https://example.com/', 'app://station')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', 'app://station')).toBe(false);
    expect(isAllowedNavigation('not a url', 'app://station')).toBe(false);
    expect(mainSource).toMatch(/requestSingleInstanceLock\(\)/);
  });

  it('exposes only the typed contract from the preload, never ipcRenderer', () => {
    expect(preloadSource).toMatch(/exposeInMainWorld\(\s*'station',\s*createStationApi\(/);
    expect(preloadSource).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });

  it('accepts IPC only from the app origin', () => {
    expect(isTrustedSenderUrl('app://station/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5391/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///index.html')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});
