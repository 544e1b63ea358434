import type { MenuItemConstructorOptions } from 'electron';
import { isAllowedNavigation } from './security';

/**
 * Every guard the shell puts around the renderer, wired in one function so that a unit
 * test can drive it with fakes (Electron cannot run on the build machines) and fail when a
 * guard is removed. The ports below are the small parts of Electron's `app`, `session` and
 * `webContents` that the guards use; main.ts passes the real objects.
 */

export interface EventPreventer {
  preventDefault(): void;
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: EventPreventer, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: EventPreventer) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

export interface GuardedApp {
  readonly isPackaged: boolean;
  readonly commandLine: { hasSwitch(name: string): boolean };
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/**
 * Switches that open the app to a debugger or a remote controller. Playwright drives the
 * unpackaged app through them in e2e runs; a packaged station must never honour them, or
 * anyone at the keyboard could read the unlocked data key from a debugger.
 */
export const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port', 'js-flags'] as const;

/**
 * Schemes a page may load from: the app's own files and in-memory objects, plus the
 * developer tools' own pages in an unpackaged build.
 */
export function isAllowedRequest(url: string, isPackaged: boolean): boolean {
  return /^(app|blob|data):/.test(url) || (!isPackaged && url.startsWith('devtools:'));
}

/** Names the debugging switches present on the command line. */
export function debugSwitchesIn(commandLine: { hasSwitch(name: string): boolean }, argv: readonly string[]): string[] {
  const found = DEBUG_SWITCHES.filter((s) => commandLine.hasSwitch(s));
  // Node's inspector flags reach argv without being Chromium switches.
  for (const arg of argv) {
    const name = /^--(inspect(?:-brk|-port)?|remote-debugging-(?:port|pipe))(?:=|$)/.exec(arg)?.[1];
    if (name && !found.includes(name as (typeof DEBUG_SWITCHES)[number])) found.push(name as (typeof DEBUG_SWITCHES)[number]);
  }
  return found;
}

/**
 * The application menu: no reload, no developer tools, no zoom reset surprises; editing
 * shortcuts (copy, paste, undo) keep working because they live in the Edit menu's roles.
 */
export function applicationMenu(isPackaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { role: 'resetZoom', label: '实际大小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload', label: '重新加载（开发）' }, { role: 'toggleDevTools', label: '开发者工具（开发）' });
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
  ];
}

export interface HardenOptions {
  app: GuardedApp;
  argv: readonly string[];
  appOrigin: string;
  /** Sets the application menu (main.ts: Menu.setApplicationMenu(Menu.buildFromTemplate(t))). */
  setMenu(template: MenuItemConstructorOptions[]): void;
}

export type HardenResult = { ok: true } | { ok: false; refusedSwitches: string[] };

/**
 * Guards that must be in place before any window exists. Returns a refusal when a packaged
 * app was started with a debugging switch: main.ts then quits before creating anything.
 */
export function hardenApp({ app, argv, appOrigin, setMenu }: HardenOptions): HardenResult {
  if (app.isPackaged) {
    const refused = debugSwitchesIn(app.commandLine, argv);
    if (refused.length > 0) return { ok: false, refusedSwitches: refused };
  }
  setMenu(applicationMenu(app.isPackaged));
  app.on('web-contents-created', (_event, contents) => guardContents(contents, appOrigin, app.isPackaged));
  return { ok: true };
}

/** Guards of one web contents (the window, and any frame or worker contents it creates). */
export function guardContents(contents: GuardedContents, appOrigin: string, isPackaged: boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The window is created with devTools off when packaged; this also closes any that a
  // keyboard shortcut or a stray API call opens.
  if (isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Guards of the default session, set once the app is ready. */
export function hardenSession(session: GuardedSession, isPackaged: boolean): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // No remote content, ever: anything that is not the app's own scheme is blocked.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, isPackaged) }));
}

/**
 * The one test hook left, a profile folder from the environment (the profile must be chosen
 * before the app is ready, before a test can reach main), serves e2e runs of the unpackaged
 * app only: a packaged station ignores it, so nobody can redirect its data by setting a
 * variable. Dialogs have no hook at all: the e2e fixture replaces Electron's own functions.
 */
export function testHooksAllowed(app: Pick<GuardedApp, 'isPackaged'>): boolean {
  return !app.isPackaged;
}
