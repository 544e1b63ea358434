import { channelNames, type ChannelName, type Envelope, type StationApi } from './contract';

export type Invoke = (channel: ChannelName, payload: unknown) => Promise<Envelope>;

/** An error the main process reported, with a message fit to show the user. */
export class StationApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: { path: (string | number)[]; message: string }[] = [],
  ) {
    super(message);
    this.name = 'StationApiError';
  }
}

/**
 * Builds the typed `window.station` object over a transport. The preload passes
 * `ipcRenderer.invoke`; the test harness passes a Playwright binding. Both reach the
 * same handler table in electron/ipc.
 */
export function createStationApi(invoke: Invoke): StationApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames()) {
    const [ns, method] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][method] = async (input?: unknown) => {
      const envelope = await invoke(name, input);
      if (envelope.ok) return envelope.value;
      throw new StationApiError(envelope.error.code, envelope.error.message, envelope.error.issues);
    };
  }
  return Object.freeze(api) as unknown as StationApi;
}
