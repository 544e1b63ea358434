import { app, BrowserWindow, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from './services';
import { createHandlers } from './ipc/handlers';
import { createDispatcher } from './ipc/dispatch';
import { APP_ORIGIN } from './ipc/senderPolicy';
import { isAllowedNavigation, mainWindowOptions } from './security';
import { registerIpc } from './adapters/ipc';
import { registerAppScheme, serveRenderer } from './adapters/appProtocol';
import { electronSettingsStore } from './adapters/settingsStore';
import { electronDialogs } from './adapters/dialogs';
import { safeStorageProtector } from './adapters/safeStorageProtector';
import { installChineseValidationMessages } from '../core/validation/zodLocale';

const here = dirname(fileURLToPath(import.meta.url));
// A refused IPC payload or settings file is reported to the user in Chinese.
installChineseValidationMessages();

// E2E runs give every test its own profile directory.
if (process.env.STATION_USER_DATA_DIR) app.setPath('userData', process.env.STATION_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
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

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, APP_ORIGIN)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, APP_ORIGIN)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // No remote content, ever: anything that is not the app's own scheme is blocked.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = /^(app|devtools|blob|data):/.test(details.url);
      callback({ cancel: !allowed });
    });

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
    registerIpc(createDispatcher(createHandlers(services), (msg, err) => console.error(msg, err)));

    mainWindow = new BrowserWindow(mainWindowOptions(join(here, '../preload/preload.cjs')));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}
