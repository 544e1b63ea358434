import { contextBridge, ipcRenderer } from 'electron';
import { createStationApi } from '../core/api/client';
import type { Envelope } from '../core/api/contract';

// Only the typed, named methods of the contract are exposed; never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'station',
  createStationApi((channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Envelope>),
);
