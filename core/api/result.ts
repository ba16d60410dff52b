import type { SerializedError } from '../errors';

/** What every transport carries back: plain JSON, never a thrown object across a process boundary. */
export type CallResult<T = unknown> = { ok: true; data: T } | { ok: false; error: SerializedError };
