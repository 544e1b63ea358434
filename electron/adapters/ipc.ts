import { ipcMain } from 'electron';
import { channelNames } from '../../core/api/contract';
import type { Dispatch } from '../ipc/dispatch';
import { isTrustedSenderUrl } from '../ipc/senderPolicy';

let registered = false;

/** Registers every contract channel once; each call checks the sending frame first. */
export function registerIpc(dispatch: Dispatch): void {
  if (registered) return;
  registered = true;
  for (const name of channelNames()) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'untrusted_sender', message: '请求来源不受信任' } };
      }
      return dispatch(name, payload);
    });
  }
}
