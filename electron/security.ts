import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The Content-Security-Policy of every page the app shows. No remote origin appears:
 * the app works offline and must never load code or data from the network.
 * style-src allows inline styles because Ant Design injects its CSS-in-JS as <style>
 * elements; scripts stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Options of the main window. Kept apart from main.ts so a unit test can read them
 * and fail if any of the security settings is weakened.
 */
export function mainWindowOptions(preloadPath: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: '值班律师工作站',
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Developer tools would let anyone at the keyboard read the unlocked data key.
      devTools: !isPackaged,
    },
  };
}

/**
 * A navigation is allowed only inside the app's own origin. Compared by scheme and host
 * because URL.origin is "null" for custom schemes.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appOrigin);
    return target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}
