/**
 * The only origin allowed to call the main process. The app serves its renderer from
 * the privileged `app://station/` scheme; any other frame (an injected iframe, a page
 * navigated to by accident) is refused.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
