/**
 * Imported first by main.tsx, before any module that builds or runs a schema. zod 4 otherwise probes `new Function`
 * on the first object parse to decide whether it may compile fast parsers; our CSP (no 'unsafe-eval') blocks it
 * and Chromium logs a securitypolicyviolation on every load even though zod swallows the error. The renderer only
 * parses small form inputs, so the interpreted path costs nothing noticeable.
 */
import { z } from 'zod';

z.config({ jitless: true });
