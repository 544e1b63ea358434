/**
 * Answers to the native dialogs that e2e runs of the unpackaged app give through the
 * environment. A packaged app passes `enabled = false` (electron/harden.ts
 * `testHooksAllowed`), so nobody can steer its save or open dialogs with a variable.
 */
export interface TestDialogAnswers {
  folder(): string | undefined;
  file(): string | undefined;
  batchFile(): string | undefined;
  keyFile(): string | undefined;
  savePath(defaultName: string): string | undefined;
}

export function testDialogAnswers(enabled: boolean, env: Record<string, string | undefined>): TestDialogAnswers {
  const read = (name: string): string | undefined => (enabled && env[name] ? env[name] : undefined);
  return {
    folder: () => read('STATION_E2E_DIALOG_FOLDER'),
    file: () => read('STATION_E2E_DIALOG_FILE'),
    batchFile: () => read('STATION_E2E_DIALOG_BATCH_FILE'),
    keyFile: () => read('STATION_E2E_DIALOG_KEY_FILE'),
    savePath: (defaultName) => {
      const folder = read('STATION_E2E_DIALOG_FOLDER');
      return folder ? `${folder}/${defaultName}` : undefined;
    },
  };
}
