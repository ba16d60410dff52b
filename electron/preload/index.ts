/**
 * The renderer's only door to the main process: one `window.ledger` object with exactly the LedgerBridge methods.
 * Raw ipcRenderer is never exposed, so a compromised page cannot reach any other channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type LedgerBridge } from '../../core/api/bridge';

const ledger: LedgerBridge = {
  call: (method, input) => ipcRenderer.invoke(BRIDGE_CHANNELS.call, method, input),
  saveFile: (suggestedName, base64) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, suggestedName, base64),
  openAttachment: (id) => ipcRenderer.invoke(BRIDGE_CHANNELS.openAttachment, id),
};

contextBridge.exposeInMainWorld('ledger', ledger);
