/**
 * Every contract method, called through the host (the dispatch every transport uses) with malformed input derived
 * from its own zod schema (tests/helpers/schema-fuzz.ts), on the demo data set. A case the schema refuses must come
 * back as INVALID_INPUT in plain Chinese, with no write to any table; a case the schema accepts (an unknown key is
 * stripped, SQL text is a fine name) may do what it does, but never fails with an internal error or an English,
 * path-laden or 1 MB message.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methods, type Method } from '../../core/api/contract';
import type { CallResult } from '../../core/api/result';
import { LedgerHost } from '../../core/host';
import type { SerializedError } from '../../core/errors';
import { fuzzCases } from '../helpers/schema-fuzz';
import { makeIdNumber, tempDir } from '../helpers/ledger';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

/** Realistic starting inputs where the derived sample would stop at the first check (a 身份证号, a real PDF). */
const BASES: Partial<Record<Method, unknown>> = {
  'people.create': { name: '马测试', idNumber: makeIdNumber('1990-01-01', '男', 77), ethnicity: '01' },
  'reports.export': { reportId: 'people-roster' },
  'attachments.add': { ownerType: 'member_step', ownerId: 1, fileName: '入党申请书.pdf', base64: PDF },
};

const CJK = /[\u3400-\u9fff]/;
/** What a clerk must never read: zod's type words, field keys, dotted paths, stacks, Node and SQLite codes. */
const ENGLISH = /\b(string|number|boolean|bigint|object|array|undefined|null|NaN|Infinity|invalid|expected|received|required|instanceof|Error)\b/i;
const CAMEL_KEY = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const DOTTED_PATH = /\b[A-Za-z_]\w*\.(\d+|[A-Za-z_]\w*)\b(?!\s*(xlsx|pdf|jpg|png|docx?|xls))/;
const LEAKS = /(\n\s+at\s|SQLITE_|\bE[A-Z]{3,}\b|YYYY)/;

/** The clerk's own input, quoted back in “…”, is theirs to read; everything around it must be plain Chinese. */
const unquoted = (t: string) => t.replace(/“[^”]*”/g, '“”');

function problems(err: SerializedError, strict: boolean): string[] {
  const out: string[] = [];
  const texts = [err.message, err.hint ?? '', ...(strict ? Object.values((err as { fields?: Record<string, string> }).fields ?? {}) : [])].map(unquoted);
  if (!CJK.test(err.message)) out.push('不含中文');
  if (err.message.length > 400) out.push(`过长（${err.message.length} 字）`);
  for (const t of texts) {
    if (LEAKS.test(t)) out.push(`泄露内部信息：${t.slice(0, 80)}`);
    if (strict && ENGLISH.test(t)) out.push(`英文类型词：${t.slice(0, 80)}`);
    if (strict && CAMEL_KEY.test(t)) out.push(`字段键名：${t.slice(0, 80)}`);
    if (strict && DOTTED_PATH.test(t)) out.push(`字段路径：${t.slice(0, 80)}`);
  }
  return out;
}

let host: LedgerHost;
let dataDir: string;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir('ledger-fuzz-');
  cleanup = tmp.cleanup;
  host = new LedgerHost({ dataDir: tmp.dir, startInDemo: true });
  await host.start();
  dataDir = host.currentDataDir;
}, 120_000);
afterAll(async () => {
  await host.close();
  cleanup();
});

/** Row count of every table the file has (read from sqlite_master, so a new module's tables count too). */
function rowCounts(): Record<string, number> {
  const sqlite = host.context.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number]));
}

/** A job a valid case started is waited for, so its writes never land inside the next case's counts. */
async function settle(result: CallResult): Promise<SerializedError | null> {
  if (!result.ok) return result.error;
  const jobId = (result.data as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId !== 'string') return null;
  for (let i = 0; i < 3000; i++) {
    const status = (await host.invoke('jobs.status', { jobId })) as { state: string; error?: SerializedError };
    if (status.state !== '运行中') return status.error ?? null;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never finished`);
}

interface Tally {
  methods: number;
  cases: number;
  refused: number;
  valid: number;
  failures: string[];
}

async function fuzzMethod(method: Method, tally: Tally): Promise<void> {
  const def = contract[method];
  const schema = def.input as unknown as import('zod').ZodType;
  for (const c of fuzzCases(schema, BASES[method] ?? undefined)) {
    tally.cases++;
    const mustRefuse = !schema.safeParse(c.input ?? {}).success;
    const before = rowCounts();
    const result = await host.call(method, c.input);
    const error = await settle(result);
    const where = `${method} [${c.label}]`;
    if (mustRefuse) {
      tally.refused++;
      if (result.ok) tally.failures.push(`${where}: 应拒绝却成功`);
      else if (result.error.code !== 'INVALID_INPUT') tally.failures.push(`${where}: 代码 ${result.error.code}：${result.error.message.slice(0, 100)}`);
      else for (const p of problems(result.error, true)) tally.failures.push(`${where}: ${p}`);
      const after = rowCounts();
      if (JSON.stringify(after) !== JSON.stringify(before)) tally.failures.push(`${where}: 被拒绝却写入了数据`);
    } else {
      tally.valid++;
      if (error?.code === 'INTERNAL') tally.failures.push(`${where}: 内部错误 ${error.message.slice(0, 160)}`);
      else if (error) for (const p of problems(error, false)) tally.failures.push(`${where}: ${p}`);
      if (!def.writes && result.ok && !(result.data as { jobId?: unknown } | null)?.jobId) {
        const after = rowCounts();
        // An unmasked export is itself logged (issue 11), so reports may add to the audit log and nothing else.
        if (method === 'reports.export') delete (after as Record<string, number>).audit_log, delete (before as Record<string, number>).audit_log;
        if (method !== 'app.openReal' && JSON.stringify(after) !== JSON.stringify(before)) tally.failures.push(`${where}: 查询却写入了数据`);
      }
      // Switching to the (empty) real data set is a valid call; go back to the demo data for the next case.
      if (method === 'app.openReal' && result.ok) await host.invoke('app.openDemo', {});
    }
  }
  tally.methods++;
}

describe('contract fuzz', () => {
  it('refuses malformed input to every method in Chinese, writes nothing and never fails internally', async () => {
    const tally: Tally = { methods: 0, cases: 0, refused: 0, valid: 0, failures: [] };
    for (const method of methods) await fuzzMethod(method, tally);
    console.log(`contract fuzz: ${tally.methods} methods, ${tally.cases} cases (${tally.refused} refused by schema, ${tally.valid} valid by schema), ${tally.failures.length} failures`);
    expect(tally.methods).toBe(methods.length);
    expect(tally.failures.slice(0, 60)).toEqual([]);
    // Uploads named "../../x", "C:\\Windows\\x" or with a NUL were stored, if at all, under a generated name inside
    // attachments/ and nowhere else.
    const stored = join(dataDir, 'attachments');
    const files = existsSync(stored) ? readdirSync(stored, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    for (const f of files) expect(f.name).toMatch(/^[0-9a-f-]{36}\.(pdf)$/);
    for (const outside of [join(dataDir, '..', 'x'), join(dataDir, '..', '..', 'x'), join(dataDir, 'x')]) expect(existsSync(outside)).toBe(false);
  }, 600_000);
});
