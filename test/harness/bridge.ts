// Injected into every page the harness opens: the same createStationApi the preload
// uses, over a Playwright binding instead of ipcRenderer.
import { createStationApi } from '../../core/api/client';
import type { ChannelName, Envelope } from '../../core/api/contract';

declare global {
  interface Window {
    __stationInvoke?: (channel: ChannelName, payload: unknown) => Promise<Envelope>;
  }
}

declare const __APP_ORIGIN__: string;

if (window.location.origin === __APP_ORIGIN__ && window.top === window) {
  Object.defineProperty(window, 'station', {
    value: createStationApi((channel, payload) => window.__stationInvoke!(channel, payload)),
    writable: false,
    configurable: false,
  });
}
