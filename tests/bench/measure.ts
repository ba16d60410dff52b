/**
 * The bench's bookkeeping: each operation's figure against its target and raw baseline, the statistics, and the
 * table printed at the end. Targets are issue 7's, never looser.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ProbeBatch, ProbeResult, ProbeSpec } from './probe';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PROBE = resolve(import.meta.dirname, 'probe.ts');

export interface Target {
  ms: number;
  /** Most the figure may be against its baseline. */
  ratio?: number;
  rssMb?: number;
}

export interface Result {
  id: string;
  label: string;
  /** p95 for list and page operations, the median for bulk work. */
  metric: 'p95' | '中位数' | '单次';
  runs: number;
  ms: number | null;
  baselineMs: number | null;
  ratio: number | null;
  rssMb?: number | null;
  baselineRssMb?: number | null;
  target: Target;
  ok: boolean;
  /** Every run's time, for the JSON. */
  times?: number[];
  note?: string;
  error?: string;
}

/** Nearest-rank p95: with 20 runs, the 19th fastest. */
export function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(s.length * 0.95) - 1)]!;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

function runProbe(spec: ProbeSpec | ProbeBatch): unknown {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PROBE, JSON.stringify(spec)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Runs one probe in a fresh process (tests/bench/probe.ts). */
export function probe(spec: ProbeSpec): ProbeResult {
  return runProbe(spec) as ProbeResult;
}

/**
 * Runs probes, each in a fresh process, or with `shared` all in one (`--quick`: a process start under tsx costs
 * over a second, and there are fifty). Each answer is the result or the error that probe met.
 */
export function probes(specs: readonly ProbeSpec[], shared: boolean): (ProbeResult | Error)[] {
  const attempt = (spec: ProbeSpec): ProbeResult | Error => {
    try {
      return probe(spec);
    } catch (err) {
      return err as Error;
    }
  };
  if (!shared) return specs.map(attempt);
  try {
    return (runProbe({ kind: 'batch', specs: [...specs] }) as (ProbeResult | { error: string })[]).map((r) => ('error' in r ? new Error(r.error) : r));
  } catch (err) {
    return specs.map(() => err as Error);
  }
}

export function judged(r: Omit<Result, 'ok' | 'ratio'> & { ratio?: number | null }): Result {
  const ratio = r.ratio ?? (r.ms !== null && r.baselineMs ? r.ms / r.baselineMs : null);
  const ok =
    !r.error &&
    r.ms !== null &&
    r.ms <= r.target.ms &&
    (r.target.ratio === undefined || (ratio !== null && ratio <= r.target.ratio)) &&
    (r.target.rssMb === undefined || (r.rssMb !== null && r.rssMb !== undefined && r.rssMb <= r.target.rssMb));
  return { ...r, ratio, ok };
}

/** A failed probe is a missed target, with the reason in the table. */
export function failed(id: string, label: string, metric: Result['metric'], target: Target, err: unknown): Result {
  const e = err as { stderr?: string; message?: string };
  const text = (e.stderr || e.message || String(err)).trim().split('\n').filter(Boolean);
  const line = text.find((l) => /Error|错误|失败/.test(l)) ?? text[text.length - 1] ?? '未知错误';
  return { id, label, metric, runs: 0, ms: null, baselineMs: null, ratio: null, target, ok: false, error: line.slice(0, 200) };
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const mb = (x: number | null | undefined) => (x === null || x === undefined ? '' : `，${x.toFixed(0)} MB`);

function targetText(t: Target): string {
  return [`≤ ${ms(t.ms)}`, t.rssMb ? `≤ ${t.rssMb} MB` : '', t.ratio ? `≤ ${t.ratio}× 基线` : ''].filter(Boolean).join('，');
}

/** A Markdown table: readable in a terminal, and pasted as is into an issue note. */
export function table(results: readonly Result[]): string {
  const lines = ['| 项目 | 指标 | 目标 | 实测 | 原始基线 | 比值 | 结果 |', '|---|---|---|---|---|---|---|'];
  for (const r of results) {
    const measured = r.error ? `出错：${r.error}` : `${ms(r.ms)}${mb(r.rssMb)}${r.note ? `（${r.note}）` : ''}`;
    const base = r.baselineMs === null ? '—' : `${ms(r.baselineMs)}${mb(r.baselineRssMb)}`;
    const ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
    lines.push(`| ${r.label} | ${r.metric}（${r.runs} 次） | ${targetText(r.target)} | ${measured} | ${base} | ${ratio} | ${r.ok ? '达标' : '**未达标**'} |`);
  }
  return lines.join('\n');
}
