import { app, BrowserWindow, Menu, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from './services';
import { createHandlers } from './ipc/handlers';
import { createDispatcher } from './ipc/dispatch';
import { APP_ORIGIN } from './ipc/senderPolicy';
import { mainWindowOptions } from './security';
import { hardenApp, hardenSession, testHooksAllowed } from './harden';
import { registerIpc } from './adapters/ipc';
import { registerAppScheme, serveRenderer } from './adapters/appProtocol';
import { electronSettingsStore } from './adapters/settingsStore';
import { electronDialogs } from './adapters/dialogs';
import { safeStorageProtector } from './adapters/safeStorageProtector';
import { installChineseValidationMessages } from '../core/validation/zodLocale';

const here = dirname(fileURLToPath(import.meta.url));
// A refused IPC payload or settings file is reported to the user in Chinese.
installChineseValidationMessages();

// E2E runs of the unpackaged app give every test its own profile directory.
if (testHooksAllowed(app) && process.env.STATION_USER_DATA_DIR) app.setPath('userData', process.env.STATION_USER_DATA_DIR);

const hardened = hardenApp({
  app,
  argv: process.argv,
  appOrigin: APP_ORIGIN,
  setMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
});

if (!hardened.ok) {
  console.error(`拒绝启动：安装版不接受调试参数（${hardened.refusedSwitches.join('、')}）。`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(() => {
    hardenSession(session.defaultSession, app.isPackaged);

    serveRenderer(join(here, '../renderer'));
    const services = createServices({
      settingsStore: electronSettingsStore(),
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      transport: 'electron',
      dialogs: electronDialogs(),
      protector: safeStorageProtector(),
      resourcesDir: app.isPackaged ? process.resourcesPath : undefined,
    });
    registerIpc(createDispatcher(createHandlers(services), services.session, (msg, err) => console.error(msg, err)));

    mainWindow = new BrowserWindow(mainWindowOptions(join(here, '../preload/preload.cjs'), app.isPackaged));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}
