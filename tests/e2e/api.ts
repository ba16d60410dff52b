/** Arranges data through the same HTTP contract the page uses, for steps a test is not about (the UI path is tested elsewhere). */
import type { Page } from '@playwright/test';

export async function apiCall<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, body]) => {
      // The token the page took from its start URL (renderer/src/api/client.ts); there is no cookie.
      const token = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('ledger-web-token') ?? '';
      const res = await fetch(`/api/call/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-token': token }, body: JSON.stringify(body) });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? 'failed'}`);
  return result.data as T;
}
