import { test as base, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchHarness, type DialogAnswers } from '../harness/harness';
import { installClickAtRest } from './support/atRest';
import { completeSetup, signIn } from './support/setup';

const ROOT = resolve(import.meta.dirname, '../..');

export type Target = 'electron' | 'harness';

function electronAvailable(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

export const TARGET: Target = (process.env.STATION_E2E_TARGET as Target | undefined) ?? (electronAvailable() ? 'electron' : 'harness');

export interface RunningApp {
  page: Page;
  target: Target;
  close(): Promise<void>;
}

export interface StationFixture {
  dataDir: string;
  /**
   * What the person picks in the app's folder and file dialogs from now on, in this test
   * only: the harness reads it at each dialog, and in Electron the fixture replaces the
   * `dialog` functions of the running main process (the app itself has no test hook).
   */
  answerDialogs(answers: Partial<DialogAnswers>): Promise<void>;
  /**
   * Main's upload retry delays for the apps launched from now on (the harness hands them to
   * the delivery service's port; the Electron app keeps its own, the spec's backoff).
   */
  useRetryDelays(ms: readonly number[]): void;
  /** Starts the app on this test's profile directory (again, after `close`, for restarts). */
  launch(): Promise<RunningApp>;
  /** Starts the app on a second, empty profile: a fresh installation. */
  launchFresh(): Promise<RunningApp>;
  /**
   * Starts the app on a copy of an installation set up with the sample station, lawyer and
   * supervisor (test/e2e/support/setup.ts), and signs the supervisor in. First-run setup is
   * walked through once per worker; specs about setup itself use `launch` and do it.
   */
  launchSetUp(): Promise<RunningApp>;
}

const NO_ANSWERS: DialogAnswers = { folder: null, file: null, batchFile: null, keyFile: null, receiptFile: null };

/**
 * Replaces Electron's dialogs in main with the test's answers, read from a global the
 * fixture sets: a folder for directory pickers and save dialogs, the batch file for a
 * `.zip` filter, a receipt file for the dialog titled as one (a `.json` filter too), a
 * centre's key file for another `.json` one, the backup file otherwise. Runs in the main process (`app.evaluate`).
 */
async function stubElectronDialogs(app: ElectronApplication, answers: DialogAnswers): Promise<void> {
  await app.evaluate(({ dialog }, a) => {
    const g = globalThis as unknown as { stationDialogAnswers?: typeof a };
    const first = g.stationDialogAnswers === undefined;
    g.stationDialogAnswers = a;
    if (!first) return;
    type Options = { title?: string; properties?: string[]; filters?: { extensions: string[] }[]; defaultPath?: string };
    const optionsOf = (x: unknown, y: unknown) => (y ?? x) as Options;
    const current = () => g.stationDialogAnswers!;
    dialog.showOpenDialog = (async (x: unknown, y?: unknown) => {
      const o = optionsOf(x, y);
      const pick = o.properties?.includes('openDirectory')
        ? current().folder
        : o.filters?.some((f) => f.extensions.includes('zip'))
          ? current().batchFile
          : o.title?.includes('回执')
            ? current().receiptFile
            : o.filters?.some((f) => f.extensions.includes('json'))
              ? current().keyFile
              : current().file;
      return pick ? { canceled: false, filePaths: [pick] } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async (x: unknown, y?: unknown) => {
      const o = optionsOf(x, y);
      const folder = current().folder;
      // A default path may be a full one (a receipt beside its batch): the chosen folder takes its file name.
      const name = o.defaultPath?.split(/[\\/]/).pop();
      return folder && name ? { canceled: false, filePath: `${folder}/${name}` } : { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
  }, answers);
}

async function launch(
  dataDir: string,
  answers: () => DialogAnswers,
  retryDelaysMs?: readonly number[],
): Promise<RunningApp & { electron?: ElectronApplication }> {
  if (TARGET === 'electron') {
    const app = await _electron.launch({
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, STATION_USER_DATA_DIR: dataDir } as Record<string, string>,
    });
    await stubElectronDialogs(app, answers());
    const page = await app.firstWindow();
    installClickAtRest(page);
    return { page, target: TARGET, close: () => app.close(), electron: app };
  }
  const harness = await launchHarness({ dataDir, dialogAnswers: answers, ...(retryDelaysMs ? { retryDelaysMs } : {}) });
  installClickAtRest(harness.page);
  return { page: harness.page, target: TARGET, close: () => harness.close() };
}

export const test = base.extend<{ station: StationFixture }, { setUpTemplate: () => Promise<string> }>({
  setUpTemplate: [
    async ({}, use) => {
      let made: Promise<string> | undefined;
      const dirs: string[] = [];
      await use(() => {
        made ??= (async () => {
          const dir = mkdtempSync(join(tmpdir(), 'station-e2e-template-'));
          dirs.push(dir);
          const app = await launch(dir, () => NO_ANSWERS);
          try {
            await completeSetup(app.page);
          } finally {
            await app.close();
          }
          return dir;
        })();
        return made;
      });
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  station: async ({ setUpTemplate }, use) => {
    // Every test gets its own profile: settings, IndexedDB and files, deleted afterwards.
    const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
    const freshDir = mkdtempSync(join(tmpdir(), 'station-e2e-fresh-'));
    const running: (RunningApp & { electron?: ElectronApplication })[] = [];
    // Per test: a failing test cannot leave its answers to the next one.
    let answers: DialogAnswers = { ...NO_ANSWERS };
    let retryDelays: readonly number[] | undefined;
    const start = async (dir: string) => {
      const app = await launch(dir, () => answers, retryDelays);
      running.push(app);
      return app;
    };
    const answerDialogs = async (next: Partial<DialogAnswers>) => {
      answers = { ...answers, ...next };
      for (const app of running) if (app.electron) await stubElectronDialogs(app.electron, answers).catch(() => {});
    };
    const launchSetUp = async () => {
      cpSync(await setUpTemplate(), dataDir, { recursive: true });
      const app = await start(dataDir);
      await signIn(app.page);
      return app;
    };
    const useRetryDelays = (ms: readonly number[]) => void (retryDelays = ms);
    await use({ dataDir, answerDialogs, useRetryDelays, launch: () => start(dataDir), launchFresh: () => start(freshDir), launchSetUp });
    for (const app of running) await app.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(freshDir, { recursive: true, force: true });
  },
});

export { expect };
