/** The investment split check. Amounts are integer 分 (core/reserves/money.ts parses and formats them). */
export { formatYuan, parseYuan } from '../reserves/money';

/** 分 as 万元 with two decimals, for the reports that speak 万元. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 100) / 10000;
}

/** The split must add up to the total to the 分; the message says by how much it misses. */
export function splitProblem(totalFen: number, parts: readonly { source: string; fen: number }[]): string | null {
  const sum = parts.reduce((s, p) => s + p.fen, 0);
  if (sum === totalFen) return null;
  const diff = sum - totalFen;
  const yuan = (f: number) => `${Math.floor(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, '0')}`;
  return `资金来源合计 ${yuan(sum)} 元与总投资 ${yuan(totalFen)} 元不一致（${diff > 0 ? '多' : '少'} ${yuan(diff)} 元）`;
}
