import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, extname, join, normalize, relative, resolve, isAbsolute } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { createServices, type Services } from '../../electron/services';
import { createHandlers } from '../../electron/ipc/handlers';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { confSettingsStore } from './nodeStore';
import { fileSecretProtector } from '../../electron/services/batch/secretProtector';
import { installChineseValidationMessages } from '../../core/validation/zodLocale';

/**
 * The browser transport of the one contract: the built renderer in Debian's Chromium,
 * with `window.station` wired through `exposeBinding` to the real handlers and services
 * running here in Node. Only the adapters differ from the Electron app.
 */
// The harness plays the main process: its refusals read as the app's do.
installChineseValidationMessages();

export const HARNESS_ORIGIN = 'http://localhost:5391';
const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter',
];

let bridgeScript: Promise<string> | undefined;
function bridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(ROOT, 'test/harness/bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { __APP_ORIGIN__: JSON.stringify(HARNESS_ORIGIN) },
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

/** What the person would pick in each dialog; null is a cancelled dialog. */
export interface DialogAnswers {
  folder: string | null;
  file: string | null;
  batchFile: string | null;
  /** A receiving centre's public key file. */
  keyFile: string | null;
  /** A centre's receipt file for a batch. */
  receiptFile: string | null;
}

/** The preview's answers: from the environment, for a person trying the app by hand. */
const envAnswers = (): DialogAnswers => ({
  folder: process.env.STATION_PREVIEW_DIALOG_FOLDER ?? null,
  file: process.env.STATION_PREVIEW_DIALOG_FILE ?? null,
  batchFile: process.env.STATION_PREVIEW_DIALOG_BATCH_FILE ?? null,
  keyFile: process.env.STATION_PREVIEW_DIALOG_KEY_FILE ?? null,
  receiptFile: process.env.STATION_PREVIEW_DIALOG_RECEIPT_FILE ?? null,
});

export interface HarnessOptions {
  /** Profile directory: settings, Chromium's IndexedDB and any files the services write. */
  dataDir: string;
  /** Read at each dialog: the e2e fixture's answers of the moment (default: the environment, for the preview). */
  dialogAnswers?: () => DialogAnswers;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Main's upload retry delays (ms): e2e tests keep them short, through the service port. */
  retryDelaysMs?: readonly number[];
}

function harnessDialogs(answers: () => DialogAnswers) {
  return {
    chooseFolder: async () => answers().folder,
    chooseFile: async () => answers().file,
    chooseSavePath: async (name: string) => {
      const folder = answers().folder;
      return folder ? join(folder, name) : null;
    },
    chooseBatchFolder: async () => answers().folder,
    chooseBatchFile: async () => answers().batchFile,
    chooseKeyFile: async () => answers().keyFile,
    // A save dialog offering a full path (beside the batch) is answered in the chosen folder.
    chooseJsonSavePath: async (defaultPath: string) => {
      const folder = answers().folder;
      return folder ? join(folder, basename(defaultPath)) : null;
    },
    chooseReceiptFile: async () => answers().receiptFile,
  };
}

export interface Harness {
  context: BrowserContext;
  page: Page;
  services: Services;
  close(): Promise<void>;
}

export async function launchHarness(options: HarnessOptions): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first');
  }
  const services = createServices({
    settingsStore: confSettingsStore(join(options.dataDir, 'settings')),
    dataDir: options.dataDir,
    appVersion: (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    transport: 'harness',
    // The harness's "dialogs": answered by the test's fixture (or the preview user's environment).
    dialogs: harnessDialogs(options.dialogAnswers ?? envAnswers),
    // No OS keychain behind the harness: the equivalent file-based protection.
    protector: fileSecretProtector(join(options.dataDir, 'secrets', 'station-secrets.key')),
    ...(options.retryDelaysMs ? { delivery: { retryDelaysMs: options.retryDelaysMs } } : {}),
  });
  const dispatch = createDispatcher(createHandlers(services), services.session, (msg, err) => console.error(msg, err));

  const context = await chromium.launchPersistentContext(join(options.dataDir, 'chromium'), {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: process.env.TZ || 'Asia/Shanghai',
    viewport: options.viewport === undefined ? { width: 1360, height: 860 } : options.viewport,
  });

  // No remote content: everything but the app's own origin is refused, as in the app.
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  await context.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const target = normalize(join(RENDERER_DIR, path));
    const rel = relative(RENDERER_DIR, target);
    if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(target)) {
      // Client-side routes fall back to the app shell.
      if (!extname(path)) {
        return route.fulfill({ status: 200, body: await readFile(join(RENDERER_DIR, 'index.html')), headers: htmlHeaders() });
      }
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    const type = MIME[extname(target)] ?? 'application/octet-stream';
    return route.fulfill({
      status: 200,
      body: await readFile(target),
      headers: type.startsWith('text/html') ? htmlHeaders() : { 'content-type': type },
    });
  });

  await context.exposeBinding('__stationInvoke', async (source, channel: unknown, payload: unknown) => {
    // The harness's sender check: only the app's own top frame may call the services.
    if (new URL(source.frame.url()).origin !== HARNESS_ORIGIN || source.frame.parentFrame()) {
      return { ok: false, error: { code: 'untrusted_sender', message: '请求来源不受信任' } };
    }
    return dispatch(channel, payload);
  });
  await context.addInitScript({ content: await bridge() });

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  return {
    context,
    page,
    services,
    close: async () => {
      services.delivery.stop();
      await context.close();
    },
  };
}

function htmlHeaders(): Record<string, string> {
  return { 'content-type': MIME['.html']!, 'content-security-policy': CONTENT_SECURITY_POLICY };
}
