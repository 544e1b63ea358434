import { test as base, expect, _electron, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchHarness } from '../harness/harness';
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

export const TARGET: Target =
  (process.env.STATION_E2E_TARGET as Target | undefined) ?? (electronAvailable() ? 'electron' : 'harness');

export interface RunningApp {
  page: Page;
  target: Target;
  close(): Promise<void>;
}

export interface StationFixture {
  dataDir: string;
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

async function launch(dataDir: string): Promise<RunningApp> {
  if (TARGET === 'electron') {
    const app = await _electron.launch({
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, STATION_USER_DATA_DIR: dataDir } as Record<string, string>,
    });
    const page = await app.firstWindow();
    return { page, target: TARGET, close: () => app.close() };
  }
  const harness = await launchHarness({ dataDir });
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
          const app = await launch(dir);
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
    const running: RunningApp[] = [];
    const start = async (dir: string) => {
      const app = await launch(dir);
      running.push(app);
      return app;
    };
    const launchSetUp = async () => {
      cpSync(await setUpTemplate(), dataDir, { recursive: true });
      const app = await start(dataDir);
      await signIn(app.page);
      return app;
    };
    await use({ dataDir, launch: () => start(dataDir), launchFresh: () => start(freshDir), launchSetUp });
    for (const app of running) await app.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(freshDir, { recursive: true, force: true });
  },
});

export { expect };
