import type { CallResult } from './result';

/** The one object the Electron preload exposes as `window.ledger`. Web mode has no bridge and uses HTTP. */
export interface LedgerBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  /** Native save dialog, then write. Resolves saved=false when the clerk cancels. */
  saveFile(suggestedName: string, base64: string): Promise<{ saved: boolean; path?: string; error?: string }>;
  /** Opens a stored attachment with the program Windows associates with it (PDF reader, picture viewer). */
  openAttachment(id: number): Promise<{ opened: boolean; error?: string }>;
}

export const BRIDGE_CHANNELS = {
  call: 'ledger:call',
  saveFile: 'ledger:save-file',
  openAttachment: 'ledger:open-attachment',
} as const;
