/**
 * Demo 村级综合服务中心改造: one centre per village of the demo township, back-scheduled from required dates spread
 * from last year to next year, so some are in use, most are under way and a few are late or seriously late, with
 * monthly 形象进度, the investment split by source, and money allocated and paid.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../context';
import { DEFAULT_CENTRE_CONFIG } from '../centres/config-schema';
import { DEFAULT_ROOMS } from '../centres/codes';
import { backSchedule } from '../centres/schedule';
import { refreshCentres } from '../centres/state';
import { splitFen } from '../reserves/money';

const CONTRACTORS = ['青海湟源建筑工程有限公司', '西宁城北建设集团', '湟中区第二建筑公司', '青海鑫泰建设有限公司'];
const LEADERS = ['马永福', '李建国', '韩德成', '祁文明', '王海平'];

export function generateDemoCentres(ctx: LedgerContext, rand: () => number): number {
  const now = dayjs(today(ctx));
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const units = ctx.sqlite.prepare("SELECT id, name, kind FROM org_units WHERE retired_at IS NULL AND kind IN ('村', '社区') ORDER BY sort_order, id").all() as { id: number; name: string; kind: string }[];
  const insert = ctx.sqlite.prepare(
    `INSERT INTO centres (unit_id, current_area, build_year, is_dangerous, is_old, is_cramped, is_small, renovation_type, target_area, hall_area,
       rooms, contractor, leader_name, leader_phone, responsible_name, responsible_phone, decision_dates, required_on, total_fen)
     VALUES (@unitId, @currentArea, @buildYear, @dangerous, @old, @cramped, @small, @type, @targetArea, @hallArea,
       @rooms, @contractor, @leader, @leaderPhone, @responsible, @responsiblePhone, @decisions, @requiredOn, @totalFen)`,
  );
  const fund = ctx.sqlite.prepare('INSERT INTO centre_funds (centre_id, source, planned_fen) VALUES (?, ?, ?)');
  const milestone = ctx.sqlite.prepare('INSERT INTO centre_milestones (centre_id, seq, name, planned_on, baseline_on, actual_on) VALUES (?, ?, ?, ?, ?, ?)');
  const progress = ctx.sqlite.prepare('INSERT INTO centre_progress (centre_id, date, percent, note) VALUES (?, ?, ?, ?)');
  const money = ctx.sqlite.prepare('INSERT INTO centre_money (centre_id, kind, source, date, amount_fen) VALUES (?, ?, ?, ?, ?)');
  const ids: number[] = [];
  units.forEach((u, i) => {
    const currentArea = 80 + Math.floor(rand() * 220);
    const dangerous = rand() < 0.2;
    const type = dangerous ? '新建' : currentArea < DEFAULT_CENTRE_CONFIG.standards.expandBelowArea ? '改扩建' : '维修';
    const community = u.kind === '社区';
    // A few plans below standard, so the warnings have something to say.
    const targetArea = i % 11 === 5 ? 180 : (community ? 320 : 220) + Math.floor(rand() * 180);
    const required = now.add(-200 + Math.floor((i / units.length) * 500) + Math.floor(rand() * 30), 'day');
    const planned = backSchedule(day(required), DEFAULT_CENTRE_CONFIG.milestones, DEFAULT_CENTRE_CONFIG.calendar);
    const totalFen = (30 + Math.floor(rand() * 90)) * 1_000_000;
    const id = Number(
      insert.run({
        unitId: u.id,
        currentArea,
        buildYear: 1985 + Math.floor(rand() * 28),
        dangerous: dangerous ? 1 : 0,
        old: rand() < 0.6 ? 1 : 0,
        cramped: currentArea < 200 ? 1 : 0,
        small: currentArea < 150 ? 1 : 0,
        type,
        targetArea,
        hallArea: community ? 60 + Math.floor(rand() * 30) : 40 + Math.floor(rand() * 30),
        rooms: JSON.stringify(DEFAULT_ROOMS.slice(0, 4 + Math.floor(rand() * 3)).map((name, k) => ({ name, area: k === 0 ? 60 : 20 + Math.floor(rand() * 30) }))),
        contractor: pick(CONTRACTORS),
        leader: pick(LEADERS),
        leaderPhone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        responsible: `${u.name.slice(0, 1)}主任`,
        responsiblePhone: `138${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        decisions: JSON.stringify(planned[0]!.plannedOn <= day(now) ? { 党组织提议: day(dayjs(planned[0]!.plannedOn).subtract(10, 'day')), 村民代表会议决议: planned[0]!.plannedOn } : {}),
        requiredOn: day(required),
        totalFen,
      }).lastInsertRowid,
    );
    // 上级补助 half, 区县配套 a fifth, 镇配套 15%, the rest the village's own.
    const shares = [0.5, 0.2, 0.15].map((x) => Math.round((totalFen * x) / 100) * 100);
    const parts: [string, number][] = [['上级补助', shares[0]!], ['区县配套', shares[1]!], ['镇配套', shares[2]!], ['村集体', totalFen - shares[0]! - shares[1]! - shares[2]!]];
    for (const [source, fen] of parts) fund.run(id, source, fen);
    // Most keep to time; every seventh slips 10–25 days and every thirteenth 40 or more.
    const slip = i % 13 === 7 ? 40 + Math.floor(rand() * 20) : i % 7 === 3 ? 10 + Math.floor(rand() * 15) : Math.floor(rand() * 9) - 4;
    let last = '';
    let startedOn: string | null = null;
    planned.forEach((m) => {
      const actual = dayjs(m.plannedOn).add(slip, 'day');
      const done = !actual.isAfter(now);
      const actualOn = done && (!last || day(actual) >= last) ? day(actual) : null;
      if (actualOn) last = actualOn;
      if (actualOn && m.name === '开工') startedOn = actualOn;
      milestone.run(id, m.seq, m.name, m.plannedOn, m.plannedOn, actualOn);
    });
    if (startedOn) {
      const started = dayjs(startedOn);
      const finish = dayjs(planned.find((m) => m.name === '竣工验收')!.plannedOn).add(slip, 'day');
      const span = Math.max(30, finish.diff(started, 'day'));
      for (let d = started.add(30, 'day'); !d.isAfter(now); d = d.add(30, 'day')) {
        const percent = Math.min(100, Math.round((d.diff(started, 'day') / span) * 100));
        progress.run(id, day(d), percent, percent >= 100 ? '主体及装修全部完成' : null);
        if (percent >= 100) break;
      }
      // The money follows the work: the upper subsidy arrives at 开工, the rest as it goes.
      money.run(id, '下拨', '上级补助', startedOn, shares[0]!);
      const paid = splitFen(shares[0]!, 2);
      money.run(id, '支付', '上级补助', day(started.add(20, 'day').isAfter(now) ? now : started.add(20, 'day')), paid[0]!);
      if (last >= day(finish)) money.run(id, '下拨', '区县配套', last, shares[1]!);
    }
    ids.push(id);
  });
  refreshCentres(ctx, ids);
  return ids.length;
}
