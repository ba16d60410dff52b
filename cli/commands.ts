import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { contract, methods, type Method } from '../core/api/contract';
import type { CommonArgs } from '../core/args';
import { dashboardSummary } from '../core/app/dashboard';
import { generateDemo } from '../core/demo/generate';
import { invalid, serializeError, type SerializedError } from '../core/errors';
import type { LedgerHost } from '../core/host';
import { allFindings } from '../core/members/query';
import { listUnits } from '../core/org/service';
import { isSetUp } from '../core/org/settings';
import { exportReport, listReports } from '../core/reports/service';

export const USAGE = `用法：ledger <命令> [参数] [--data-dir 数据文件夹] [--demo]

命令：
  methods                         列出全部操作及其输入格式（JSON）
  call <操作> '<JSON>'             执行一个操作并输出 JSON 结果
  demo                            生成演示数据（在数据文件夹下的 demo 子文件夹）
  reports                         列出报表编号与名称
  check                           发展党员程序合规检查：输出全部问题（JSON）
  export <报表编号> --out <文件>    导出一张报表
        [--from YYYY-MM-DD --to YYYY-MM-DD] [--unit 村名[,村名…]] [--no-mask]

退出码：0 成功；1 执行失败；2 输入或用法错误。`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  writeFile(path: string, data: Buffer): void;
}

const USAGE_ERROR = 2;
const INPUT_ERRORS = new Set(['INVALID_INPUT', 'UNKNOWN_METHOD', 'NOT_FOUND', 'CONFLICT', 'NOT_SET_UP']);

function fail(io: Io, error: Omit<SerializedError, "code"> & { code: string }): number {
  io.err(JSON.stringify({ ok: false, error }, null, 2));
  return INPUT_ERRORS.has(error.code) ? USAGE_ERROR : 1;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export async function runCommand(host: LedgerHost, command: string, rest: string[], args: CommonArgs, io: Io): Promise<number> {
  if (command === 'methods') {
    io.out(json(describeMethods()));
    return 0;
  }
  if (command === 'reports') {
    io.out(json(listReports().map(({ id, title, module, params }) => ({ id, title, module, params }))));
    return 0;
  }

  const status = await host.start();
  if (status.error) return fail(io, status.error);

  switch (command) {
    case 'call':
      return callMethod(host, rest, io);
    case 'demo':
      return makeDemo(host, io);
    case 'export':
      return exportCommand(host, rest, args, io);
    case 'check':
      io.out(json(allFindings(host.context)));
      return 0;
    default:
      io.err(`未知命令：${command}\n\n${USAGE}`);
      return USAGE_ERROR;
  }
}

export function describeMethods() {
  return methods.map((method: Method) => {
    const def = contract[method];
    return {
      method,
      summary: def.summary,
      writes: def.writes,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
}

async function callMethod(host: LedgerHost, [method, raw]: string[], io: Io): Promise<number> {
  if (!method) {
    io.err(`缺少操作名。\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  let input: unknown = {};
  if (raw !== undefined) {
    try {
      input = JSON.parse(raw);
    } catch (err) {
      return fail(io, { code: 'INVALID_INPUT', message: `参数不是有效的 JSON：${(err as Error).message}` });
    }
  }
  const result = await host.call(method, input);
  if (!result.ok) return fail(io, result.error);
  io.out(json(result.data));
  return 0;
}

/** The host already generates demo data when it opens an empty demo folder; this reports what is there. */
function makeDemo(host: LedgerHost, io: Io): number {
  const ctx = host.context;
  if (!isSetUp(ctx)) generateDemo(ctx);
  const { people, units } = dashboardSummary(ctx);
  io.out(json({ ok: true, dataDir: host.currentDataDir, units, people }));
  return 0;
}

async function exportCommand(host: LedgerHost, [reportId]: string[], args: CommonArgs, io: Io): Promise<number> {
  const out = args.options.out;
  if (!reportId || typeof out !== 'string') {
    io.err(`用法：ledger export <报表编号> --out <文件.xlsx>\n可用报表：${listReports().map((r) => r.id).join('、')}`);
    return USAGE_ERROR;
  }
  try {
    const ctx = host.context;
    const unitIds = resolveUnits(host, args.options.unit);
    const params = {
      reportId,
      from: typeof args.options.from === 'string' ? args.options.from : undefined,
      to: typeof args.options.to === 'string' ? args.options.to : undefined,
      unitIds,
      maskIdNumbers: args.options['no-mask'] !== true,
    };
    const parsed = contract['reports.export'].input.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(io, { code: 'INVALID_INPUT', message: `参数有误（${issue?.path.join('.')}）：${issue?.message}` });
    }
    const { buffer, fileName, rowCount } = await exportReport(ctx, parsed.data);
    const target = isAbsolute(out) ? out : resolve(process.cwd(), out);
    io.writeFile(target, buffer);
    io.out(json({ ok: true, file: target, suggestedName: fileName, rowCount }));
    return 0;
  } catch (err) {
    return fail(io, serializeError(err));
  }
}

function resolveUnits(host: LedgerHost, option: string | true | undefined): number[] | undefined {
  if (typeof option !== 'string') return undefined;
  const units = listUnits(host.context, true);
  return option
    .split(/[,，、]/)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const unit = units.find((u) => u.name === name);
      if (!unit) throw invalid(`没有名为“${name}”的村（社区）。可用：${units.map((u) => u.name).join('、')}`);
      return unit.id;
    });
}
