import type { LedgerBridge } from '../../core/api/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron window (preload); web mode talks HTTP instead. */
    ledger?: LedgerBridge;
  }
}

export {};
