/**
 * The `ledger` subcommands. Each is a thin wrapper over a contract method called through the host, so the CLI gets
 * the same validation, audit entries and documentation (`ledger methods`) as the app and web mode.
 */
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { contract, fileResults, isMethod, methods, startsJob, type Method, type MethodInput, type MethodOutput } from '../core/api/contract';
import type { CommonArgs } from '../core/args';
import { LedgerError, clip, invalid, serializeError, type SerializedError } from '../core/errors';
import type { LedgerHost } from '../core/host';
import { importCommand, templateCommand } from './import-commands';
import { lockResetCommand } from './lock-commands';
import { mergeCommand } from './district-commands';
import { fillCommand } from './form-commands';
import { backupCommand, restoreCommand, verifyCommand } from './backup-commands';

export const USAGE = `用法：ledger <命令> [参数] [--data-dir 数据文件夹] [--demo]

命令：
  methods                         列出全部操作及其输入、输出格式（JSON）
  call <操作> '<JSON>'             执行一个操作并输出 JSON 结果
  demo [--town 乡镇名]             生成演示数据（在数据文件夹下的 demo 子文件夹）；--town 选区划名单中的任一乡镇（默认多巴镇）
  merge <报表编号> <文件或文件夹>… --out <文件>   区县汇总：合并各乡镇导出的同一张报表（先逐项检查）
        [--accept-edited] [--dry-run]   确认合并导出后被改动的文件 / 只检查不合并
  reports                         列出报表编号与名称
  check                           发展党员程序合规检查：输出全部问题（JSON）
  check --recompute               按事实重新校验每份档案、每名后备人才和每个服务中心，与保存的结果核对（不一致时退出码为 1）
  check-db                        完整检查数据文件是否损坏（损坏时退出码为 1）
  import <类型> <文件.xlsx>         导入 Excel（类型：people 人员、org 组织、members 发展党员台账、reserves 后备人才、reserve-trainings 后备人才培训记录、centres 服务中心、centre-progress 服务中心进度）；先逐行检查，再写入有效的行
        [--dry-run] [--mapping 映射.json] [--all-or-nothing]   只检查不写入 / 列对应关系 / 有错误就全不导入
  template <类型> --out <文件>       下载空白导入模板
  fill <上级表格.xlsx> --report <数据来源> --out <文件>   按上级模板填报：用台账数据填写上级发来的空白表格（保留原格式）
        [--sheet 工作表] [--mapping 映射.json] [--unit 村名,…] [--from … --to …] [--no-mask]   映射文件：{"表头": "数据项目编号"}
  rejudge                         按现行规则重新校验全部发展档案（进度输出到 stderr，Ctrl-C 取消）
  lock-reset                      清除忘记的锁屏密码（锁屏只保护界面；数据文件和命令行由 Windows 账户保护）
  backup --out <文件.zip>          备份数据库与附件到一个 .zip（写完并校验后才出现该文件）
  restore <备份.zip>               从备份恢复：先校验备份、自动备份当前数据，再整体替换
  verify <备份.zip>                检查备份文件是否完整可用（不改动数据；不可用时退出码为 1）
  export <报表编号> --out <文件>    导出一张报表
        [--from YYYY-MM-DD --to YYYY-MM-DD] [--unit 村名[,村名…]] [--no-mask] [--paper A4|A3]
        [--ids 编号[,编号…]]              只导出所选记录（如一人一卡的后备人才编号）

文件类结果（如 call reports.export）在 JSON 的 base64 字段中，解码后即为文件；export 命令已代为解码并写入 --out。
后台任务（如 rejudge、call members.rejudge）等任务结束后才退出，期间进度输出到 stderr，按 Ctrl-C 取消（数据保持原样）。
退出码：0 成功；1 执行失败；2 输入或用法错误；130 已按 Ctrl-C 取消。`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  writeFile(path: string, data: Buffer): void;
  readFile(path: string): Buffer;
  /** Calls handler on Ctrl-C until the returned function is called; without it, Ctrl-C ends the process as usual. */
  onInterrupt?(handler: () => void): () => void;
}

const USAGE_ERROR = 2;
/** 128 + SIGINT, what shells report for a command stopped by Ctrl-C. */
export const CANCELLED = 130;
const POLL_MS = 100;
const INPUT_ERRORS = new Set(['INVALID_INPUT', 'UNKNOWN_METHOD', 'NOT_FOUND', 'CONFLICT', 'NOT_SET_UP']);
export const PAPER_SIZES = ['A4', 'A3'] as const;

/** status.error comes back through zod with a plain string code, hence the looser type. */
function fail(io: Io, error: Omit<SerializedError, 'code'> & { code: string }): number {
  io.err(json({ ok: false, error }));
  return INPUT_ERRORS.has(error.code) ? USAGE_ERROR : 1;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A contract call for the subcommands: the data on success, a LedgerError (caught by runCommand) otherwise. */
async function call<M extends Method>(host: LedgerHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await host.call(method, input);
  if (!result.ok) throw new LedgerError(result.error.code, result.error.message, result.error);
  return result.data as MethodOutput<M>;
}

export async function runCommand(host: LedgerHost, command: string, rest: string[], args: CommonArgs, io: Io): Promise<number> {
  try {
    return await dispatch(host, command, rest, args, io);
  } catch (err) {
    return fail(io, serializeError(err));
  }
}

async function dispatch(host: LedgerHost, command: string, rest: string[], args: CommonArgs, io: Io): Promise<number> {
  // These two describe the program, not the data: they never open (or create) a data file.
  if (command === 'methods') {
    io.out(json(describeMethods()));
    return 0;
  }
  if (command === 'reports') {
    const reports = await call(host, 'reports.list', {});
    io.out(json(reports.map(({ id, title, module, params }) => ({ id, title, module, params }))));
    return 0;
  }
  // verify reads a backup file; it opens the data folder itself, and only if it can.
  if (command === 'verify') return verifyCommand(host, rest, args, io);
  if (!['call', 'demo', 'export', 'check', 'check-db', 'rejudge', 'import', 'template', 'fill', 'backup', 'restore', 'merge', 'lock-reset'].includes(command)) {
    io.err(`未知命令：${command}\n\n${USAGE}`);
    return USAGE_ERROR;
  }

  const status = await host.start();
  if (status.error) return fail(io, status.error);

  switch (command) {
    case 'call':
      return callMethod(host, rest, io);
    case 'demo':
      io.out(json({ ok: true, ...(await call(host, 'app.generateDemo', {})) }));
      return 0;
    case 'export':
      return exportCommand(host, rest, args, io);
    case 'import':
      return importCommand(host, rest, args, io);
    case 'template':
      return templateCommand(host, rest, args, io);
    case 'merge':
      return mergeCommand(host, rest, args, io);
    case 'fill':
      return fillCommand(host, rest, args, io);
    case 'backup':
      return backupCommand(host, rest, args, io);
    case 'restore':
      return restoreCommand(host, rest, args, io);
    case 'rejudge':
      return runJob(host, 'members.rejudge', {}, io);
    case 'lock-reset':
      return lockResetCommand(host, io);
    case 'check-db': {
      const result = await call(host, 'app.checkIntegrity', {});
      io.out(json(result));
      return result.ok ? 0 : 1;
    }
    default: {
      if (args.options.recompute === true) {
        const result = await call(host, 'members.verifyState', {});
        const reserves = await call(host, 'reserves.verifyState', {});
        const centres = await call(host, 'centres.verifyState', {});
        io.out(json({ ...result, reserves, centres }));
        return result.mismatches.length === 0 && reserves.mismatches.length === 0 && centres.mismatches.length === 0 ? 0 : 1;
      }
      io.out(json(await call(host, 'members.check', {})));
      return 0;
    }
  }
}

export function describeMethods() {
  return methods.map((method: Method) => {
    const def = contract[method];
    const file = fileResults[method];
    return {
      method,
      summary: def.summary,
      writes: def.writes,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
      ...(file ? { file } : {}),
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
      // JSON.parse's own text is English and repeats the input; the clerk gets what to do instead.
      return fail(io, { code: 'INVALID_INPUT', message: '参数不是有效的 JSON。', hint: `请用单引号把参数括起来，键名和文字用双引号，例如 '{"q":"马"}'。`, details: { error: clip((err as Error).message, 200) } });
    }
  }
  if (isMethod(method) && startsJob(method)) return runJob(host, method, input, io);
  const result = await host.call(method, input);
  if (!result.ok) return fail(io, result.error);
  io.out(json(result.data));
  return 0;
}

/**
 * Starts a job and stays until it ends (the job runs in this process: exiting would cancel it), printing each new
 * progress line to stderr and the final status as JSON to stdout. Ctrl-C asks the job to cancel and waits for it.
 */
async function runJob(host: LedgerHost, method: Method, input: unknown, io: Io): Promise<number> {
  const started = await host.call(method, input);
  if (!started.ok) return fail(io, started.error);
  const { jobId } = started.data as { jobId: string };
  const release = io.onInterrupt?.(() => {
    io.err('正在取消…（已做的部分不会保存）');
    void host.call('jobs.cancel', { jobId });
  });
  try {
    let last = '';
    for (;;) {
      const status = await call(host, 'jobs.status', { jobId });
      const percent = status.total ? Math.floor((status.done / status.total) * 100) : status.state === '已完成' ? 100 : 0;
      const line = `[${percent}%] ${status.message}`;
      if (line !== last) io.err(line);
      last = line;
      if (status.state === '已完成') {
        io.out(json({ ok: true, ...status }));
        return 0;
      }
      if (status.state === '已取消') return CANCELLED;
      if (status.state === '失败') return fail(io, status.error ?? { code: 'INTERNAL', message: status.message });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    release?.();
  }
}

async function exportCommand(host: LedgerHost, [reportId]: string[], args: CommonArgs, io: Io): Promise<number> {
  const { out, from, to, unit, paper, ids } = args.options;
  if (!reportId || typeof out !== 'string') {
    const reports = await call(host, 'reports.list', {});
    io.err(`用法：ledger export <报表编号> --out <文件.xlsx>\n可用报表：${reports.map((r) => r.id).join('、')}`);
    return USAGE_ERROR;
  }
  const paperSize = parsePaper(paper);
  if (paperSize === null) {
    io.err(`--paper 只能是 A4 或 A3（收到：${paper === true ? '空值' : paper}）。\n用法：ledger export <报表编号> --out <文件.xlsx> --paper A4|A3`);
    return USAGE_ERROR;
  }
  const picked = parseIds(ids);
  if (picked === null) {
    io.err(`--ids 应为用逗号分隔的记录编号（正整数），如 --ids 1,2,3（收到：${ids === true ? '空值' : ids}）。`);
    return USAGE_ERROR;
  }
  const input = {
    reportId,
    from: typeof from === 'string' ? from : undefined,
    to: typeof to === 'string' ? to : undefined,
    unitIds: await resolveUnits(host, unit),
    maskIdNumbers: args.options['no-mask'] !== true,
    // The report schema owns the meaning of paper; the CLI only refuses what can never be right.
    ...(paperSize ? { paper: paperSize } : {}),
    ...(picked ? { ids: picked } : {}),
  };
  const { base64, fileName, rowCount } = await call(host, 'reports.export', input);
  const target = isAbsolute(out) ? out : resolve(process.cwd(), out);
  io.writeFile(target, Buffer.from(base64, 'base64'));
  io.out(json({ ok: true, file: target, suggestedName: fileName, rowCount }));
  return 0;
}

/** undefined when not given, null when given but not a list of record numbers ("1,2,3"; Chinese commas too). */
function parseIds(option: string | true | undefined): number[] | undefined | null {
  if (option === undefined) return undefined;
  if (option === true) return null;
  const parts = option.split(/[,，、]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length || !parts.every((p) => /^[1-9]\d{0,15}$/.test(p) && Number.isSafeInteger(Number(p)))) return null;
  return parts.map(Number);
}

/** undefined when not given, null when given but not a paper size we print on. */
function parsePaper(option: string | true | undefined): (typeof PAPER_SIZES)[number] | undefined | null {
  if (option === undefined) return undefined;
  const upper = typeof option === 'string' ? option.trim().toUpperCase() : '';
  return PAPER_SIZES.find((p) => p === upper) ?? null;
}

async function resolveUnits(host: LedgerHost, option: string | true | undefined): Promise<number[] | undefined> {
  if (typeof option !== 'string') return undefined;
  const units = await call(host, 'org.listUnits', { includeRetired: true });
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
