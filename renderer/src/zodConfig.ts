/**
 * Imported first by main.tsx, before any module that builds or runs a schema. zod 4 otherwise probes `new Function`
 * on the first object parse to decide whether it may compile fast parsers; our CSP (no 'unsafe-eval') blocks it
 * and Chromium logs a securitypolicyviolation on every load even though zod swallows the error. The renderer only
 * parses small form inputs, so the interpreted path costs nothing noticeable.
 *
 * The forms' instant checks use the same plain-Chinese messages as the core ("应为数字", not "期望 number").
 */
import { z } from 'zod';
import { installChineseMessages } from '../../core/schema/zh-messages';

z.config({ jitless: true });
installChineseMessages();
