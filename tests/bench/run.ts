/**
 * `npm run bench`: the speed targets a clerk notices, measured on a register of 10,000+ people.
 * Exits 1 when a target is missed, so a regression is visible, not just printed.
 */
import { performance } from 'node:perf_hooks';
import { generateDemo, seededRandom } from '../../core/demo/generate';
import { generateDemoMembers } from '../../core/demo/members';
import { tempDir } from '../helpers/ledger';
import { LedgerHost } from '../../core/host';
import { FIRST_PAGE_TARGET_MS, measureFirstPage } from './first-page';

interface Target {
  name: string;
  limitMs: number;
  run: () => unknown | Promise<unknown>;
  repeat: number;
}

const tmp = tempDir('ledger-bench-');
const host = new LedgerHost({ dataDir: tmp.dir });
await host.start();

const t0 = performance.now();
const made = generateDemo(host.context, { peoplePerUnit: 220 });
// A busy township's whole history: about a thousand 发展档案, each judged by every rule on every list view.
const rand = seededRandom(7);
for (let i = 0; i < 18; i++) host.context.sqlite.transaction(() => generateDemoMembers(host.context, rand))();
const files = (host.context.sqlite.prepare('SELECT count(*) AS n FROM member_records').get() as { n: number }).n;
const generateMs = performance.now() - t0;

const targets: Target[] = [
  { name: '人员库首页（按更新时间排序，每页 20 条）', limitMs: 50, repeat: 20, run: () => host.invoke('people.list', { pageSize: 20 }) },
  { name: '人员库按姓名搜索', limitMs: 80, repeat: 20, run: () => host.invoke('people.list', { q: '马文', pageSize: 20 }) },
  { name: '人员库翻到第 400 页（按出生日期）', limitMs: 80, repeat: 20, run: () => host.invoke('people.list', { page: 400, pageSize: 20, sortField: 'birthDate', sortOrder: 'ascend' }) },
  { name: '首页统计数', limitMs: 50, repeat: 20, run: () => host.invoke('dashboard.summary', {}) },
  { name: `发展党员列表（${files} 份档案，按阶段筛选）`, limitMs: 1500, repeat: 5, run: () => host.invoke('members.list', { stage: 2, pageSize: 20 }) },
  { name: '首页发展党员概况与提醒（全部档案）', limitMs: 1500, repeat: 5, run: () => host.invoke('members.overview', {}) },
  { name: '导出发展党员花名册', limitMs: 15_000, repeat: 1, run: () => host.invoke('reports.export', { reportId: 'members-roster' }) },
  { name: '导出全部人员花名册', limitMs: 15_000, repeat: 1, run: () => host.invoke('reports.export', { reportId: 'people-roster' }) },
];

let failed = false;
console.log(`生成演示数据：${made.people} 人、发展档案 ${files} 份，用时 ${generateMs.toFixed(0)} ms`);
for (const target of targets) {
  const times: number[] = [];
  for (let i = 0; i < target.repeat; i++) {
    const start = performance.now();
    await target.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
  const ok = p95 <= target.limitMs;
  failed ||= !ok;
  console.log(`${ok ? '达标' : '超时'}  ${target.name}: p95 ${p95.toFixed(1)} ms（目标 ≤ ${target.limitMs} ms）`);
}

await host.close();
tmp.cleanup();

const firstPage = await measureFirstPage();
const median = firstPage[1]!;
const firstPageOk = median <= FIRST_PAGE_TARGET_MS;
failed ||= !firstPageOk;
console.log(`${firstPageOk ? '达标' : '超时'}  网页模式首页可用（三次冷启动 ${firstPage.map((t) => t.toFixed(0)).join(' / ')} ms）: 中位数 ${median.toFixed(0)} ms（目标 ≤ ${FIRST_PAGE_TARGET_MS} ms）`);
process.exit(failed ? 1 : 0);
