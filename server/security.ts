/**
 * Who may talk to the web-mode server, and the headers every answer carries. The threat is another program or
 * another web page on the same PC (docs/security.md): anything on 127.0.0.1 can reach our port, so reachability
 * proves nothing. What proves the caller is our own page is the per-launch token, which only the page holds (in
 * sessionStorage, bound to this origin including its port), sent as a header that a cross-origin page cannot set
 * without a CORS preflight we never answer.
 */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** The header the renderer (renderer/src/api/client.ts) sends the token in. */
export const TOKEN_HEADER = 'x-ledger-token';

/**
 * The same policy as renderer/index.html's meta tag and electron/main/window.ts (tests/unit/electron-security.test.ts
 * keeps the three equal). As a header it also enforces frame-ancestors, which browsers ignore in a meta tag.
 * style-src needs 'unsafe-inline' because antd injects its CSS-in-JS as <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every answer, page or API. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Another origin may not read our scripts or pictures even as a no-cors embed, nor keep a handle on our window.
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  return typeof header === 'string' && safeEqual(header, token);
}

/** Host must name this server by its loopback address or localhost and its own port: no DNS rebinding. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
}

/**
 * Why a request is refused as coming from another site, or null. A browser names the page that sent a request in
 * Origin and Sec-Fetch-Site; our own page is same-origin. "same-site" is refused too: every port of 127.0.0.1 is the
 * same site, so that is exactly what another local server's page looks like. A navigation the clerk starts (typing
 * the address, a bookmark) is "none", allowed for pages but not for the API.
 */
export function crossSiteReason(req: IncomingMessage, api: boolean): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) return 'origin';
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin') return null;
  if (site === 'none' && !api) return null;
  return 'sec-fetch-site';
}
