import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { hardenApp, hardenSession, testHooksAllowed, type GuardedApp, type GuardedContents, type GuardedSession } from '../../../electron/harden';
import { mainWindowOptions } from '../../../electron/security';

/**
 * The shell's guards driven with fakes of Electron's app, session and web contents: every
 * guard is observed doing its job, so removing one (from electron/harden.ts or from the
 * call in main.ts) fails here.
 */

type Listener = (...args: unknown[]) => unknown;

class FakeContents {
  listeners = new Map<string, Listener[]>();
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  devToolsClosed = 0;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  /** Emits an event the way Electron does and says whether any listener prevented it. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    for (const l of this.listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
  emit(event: string): void {
    for (const l of this.listeners.get(event) ?? []) l();
  }
}

function fakeApp(isPackaged: boolean, switches: string[] = []) {
  const created: Listener[] = [];
  const app: GuardedApp = {
    isPackaged,
    commandLine: { hasSwitch: (name) => switches.includes(name) },
    on: (_event: string, listener: Listener) => created.push(listener),
  } as GuardedApp;
  return {
    app,
    /** A new web contents, as Electron announces it. */
    createContents(): FakeContents {
      const contents = new FakeContents();
      for (const l of created) l({}, contents as unknown as GuardedContents);
      return contents;
    },
  };
}

function harden(isPackaged: boolean, switches: string[] = [], argv: string[] = []) {
  const fake = fakeApp(isPackaged, switches);
  let menu: MenuItemConstructorOptions[] | undefined;
  const result = hardenApp({ app: fake.app, argv, appOrigin: 'app://station', setMenu: (t) => (menu = t) });
  return { ...fake, result, menu: () => menu };
}

const roles = (items: MenuItemConstructorOptions[] | undefined): string[] =>
  (items ?? []).flatMap((i) => [i.role ?? '', ...roles(Array.isArray(i.submenu) ? i.submenu : [])]).filter(Boolean) as string[];

describe('web contents guards', () => {
  it('cancels navigation and redirects away from the app, and allows them inside it', () => {
    const contents = harden(true).createContents();
    expect(contents.emitPreventable('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://station/index.html#/x')).toBe(false);
    expect(contents.emitPreventable('will-redirect', 'app://station/index.html')).toBe(false);
  });

  it('refuses new windows and webviews', () => {
    const contents = harden(true).createContents();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://station/index.html' })).toEqual({ action: 'deny' });
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('closes developer tools in the packaged app and leaves them to developers otherwise', () => {
    const packaged = harden(true).createContents();
    packaged.emit('devtools-opened');
    expect(packaged.devToolsClosed).toBe(1);
    const dev = harden(false).createContents();
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
    expect(mainWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', false).webPreferences?.devTools).toBe(true);
  });
});

describe('session guards', () => {
  function hardenedSession(isPackaged: boolean) {
    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    let beforeRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const session: GuardedSession = {
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: (h) => (checkHandler = h),
      webRequest: { onBeforeRequest: (l) => (beforeRequest = l) },
    };
    hardenSession(session, isPackaged);
    const cancelled = (url: string): boolean => {
      let answer: boolean | undefined;
      beforeRequest?.({ url }, (r) => (answer = r.cancel));
      if (answer === undefined) throw new Error('request left unanswered');
      return answer;
    };
    const granted = (permission: string): boolean => {
      let answer: boolean | undefined;
      requestHandler?.({}, permission, (g) => (answer = g));
      if (answer === undefined) throw new Error('permission request left unanswered');
      return answer;
    };
    return { cancelled, granted, check: () => checkHandler?.({}, 'media', 'app://station', {}) };
  }

  it('denies every permission request and check', () => {
    const s = hardenedSession(true);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(s.granted(p)).toBe(false);
    expect(s.check()).toBe(false);
  });

  it('cancels every request that is not the app’s own', () => {
    const s = hardenedSession(true);
    expect(s.cancelled('https://example.com/x.js')).toBe(true);
    expect(s.cancelled('http://localhost:5391/')).toBe(true);
    expect(s.cancelled('file:///etc/passwd')).toBe(true);
    expect(s.cancelled('ws://127.0.0.1:9222/')).toBe(true);
    expect(s.cancelled('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(s.cancelled('app://station/index.html')).toBe(false);
    expect(s.cancelled('blob:app://station/1234')).toBe(false);
    expect(s.cancelled('data:image/png;base64,AA==')).toBe(false);
    expect(hardenedSession(false).cancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('start-up guards', () => {
  it('refuses to start a packaged app with a debugging switch, and sets no guards half-way', () => {
    for (const [switches, argv] of [
      [['remote-debugging-port'], []],
      [['remote-debugging-pipe'], []],
      [[], ['/opt/station/station', '--inspect=9229']],
      [[], ['/opt/station/station', '--inspect-brk']],
    ] as const) {
      const h = harden(true, [...switches], [...argv]);
      expect(h.result.ok).toBe(false);
      expect(h.menu()).toBeUndefined();
    }
    // Playwright drives the unpackaged app through the same switches.
    expect(harden(false, ['remote-debugging-port'], ['x', '--inspect=0']).result).toEqual({ ok: true });
  });

  it('replaces the default menu: no reload or developer tools in the packaged app', () => {
    const packaged = roles(harden(true).menu());
    expect(packaged).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'quit']));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(roles(harden(false).menu())).toContain('toggleDevTools');
  });

  it('ignores the e2e profile folder in a packaged app, and lets nothing but a person answer a dialog', () => {
    expect(testHooksAllowed({ isPackaged: true })).toBe(false);
    expect(testHooksAllowed({ isPackaged: false })).toBe(true);
    // No source of the shell reads a dialog answer from the environment, packaged or not.
    const electronDir = resolve(import.meta.dirname, '../../../electron');
    const sources = readdirSync(electronDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) expect(readFileSync(resolve(electronDir, file), 'utf8'), file).not.toMatch(/STATION_E2E|DIALOG_(FOLDER|FILE|BATCH|KEY)/);
  });

  it('is what main.ts wires, before any window', () => {
    const main = readFileSync(resolve(import.meta.dirname, '../../../electron/main.ts'), 'utf8');
    const harden = main.indexOf('hardenApp(');
    expect(harden).toBeGreaterThan(0);
    expect(main.indexOf('hardenSession(session.defaultSession')).toBeGreaterThan(harden);
    expect(main.indexOf('new BrowserWindow(')).toBeGreaterThan(main.indexOf('hardenSession('));
    expect(main).toMatch(/mainWindowOptions\(.*, app\.isPackaged\)\)/);
    expect(main).toMatch(/testHooksAllowed\(app\) && process\.env\.STATION_USER_DATA_DIR/);
    expect(main).toMatch(/electronDialogs\(\)/);
  });
});
