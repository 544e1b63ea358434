import type { StationApi } from '../../core/api/contract';

declare global {
  interface Window {
    /** The typed bridge to the main process (preload in the app, binding in the harness). */
    readonly station: StationApi;
  }
}
export {};
