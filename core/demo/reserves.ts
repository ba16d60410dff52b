/**
 * Demo 村"两委"后备人才: about five per village drawn from the demo people aged 22–45, in the sources' real
 * proportions, with the review chain, a few 已任用 and 出库 (one re-entered), 集中培训 classes, placements, a 大专班,
 * village affairs and quarterly points. Three villages are left below the plan and one has no 书记后备, so the plan
 * page and 首页 have shortfalls to show.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../context';
import { DEFAULT_RESERVE_CONFIG } from '../reserves/config-schema';
import { splitFen } from '../reserves/money';
import { refreshReserves } from '../reserves/state';

const SOURCES: [string, number][] = [
  ['外出务工经商人员', 0.34],
  ['返乡大学生', 0.26],
  ['返乡企业家', 0.1],
  ['退役军人', 0.16],
  ['其他优秀人才', 0.14],
];
const METHODS = ['个人自荐', '群众举荐', '组织推荐', '组织推荐'];
const MENTORS = ['马文明', '李国强', '王秀兰', '张建军', '祁永福', '韩德成'];
const EXIT_REASONS = ['长期外出务工，无法参加培养', '本人申请退出', '年度考核不合格', '年龄超过入库上限'];
const POSTS = ['村党支部委员', '村委会委员', '村委会副主任'];
const AFFAIRS: [string, string][] = [
  ['环境卫生', '参加村庄人居环境整治，清理巷道垃圾'],
  ['防汛防火', '汛期巡查河道、排查隐患'],
  ['矛盾调解', '协助调解邻里宅基地纠纷'],
  ['政策宣传', '入户宣传医保缴费政策'],
  ['乡村振兴项目', '协助村集体经济项目台账整理'],
];

interface Candidate {
  id: number;
  unitId: number;
  birthDate: string;
  education: string;
}

export function generateDemoReserves(ctx: LedgerContext, rand: () => number): number {
  const now = dayjs(today(ctx));
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const weighted = (mix: [string, number][]) => {
    let r = rand();
    for (const [v, w] of mix) if ((r -= w) < 0) return v;
    return mix[0]![0];
  };
  const candidates = ctx.sqlite
    .prepare(
      `SELECT p.id, p.unit_id AS unitId, p.birth_date AS birthDate, coalesce(p.education, '') AS education FROM people p JOIN org_units u ON u.id = p.unit_id
       WHERE p.deleted_at IS NULL AND p.birth_date BETWEEN ? AND ? ORDER BY u.sort_order, p.id`,
    )
    .all(day(now.subtract(45, 'year')), day(now.subtract(22, 'year'))) as Candidate[];
  const byUnit = new Map<number, Candidate[]>();
  // Villages put forward their better-schooled people first.
  const schooled = new Set(['11', '14', '17', '21', '31', '41', '44', '47', '61']);
  for (const c of [...candidates].sort((a, b) => Number(schooled.has(b.education)) - Number(schooled.has(a.education)))) {
    byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);
  }

  const insertReserve = ctx.sqlite.prepare(
    `INSERT INTO reserves (person_id, unit_id, post_direction, source, cross_village, nomination_method, nominated_by, nominated_on,
       village_review_on, town_review_on, filed_on, mentor_name, mentor_post, status, status_on)
     VALUES (@personId, @unitId, @postDirection, @source, 0, @method, @by, @nominatedOn, @villageOn, @townOn, @filedOn, @mentor, @mentorPost, '推荐', @nominatedOn)`,
  );
  const insertEvent = ctx.sqlite.prepare('INSERT INTO reserve_events (reserve_id, kind, date, reason, post, chain) VALUES (?, ?, ?, ?, ?, ?)');
  const pool: { id: number; unitId: number; inPool: boolean; since: string }[] = [];
  let unitIndex = 0;
  let exits = 0;
  for (const [unitId, list] of byUnit) {
    unitIndex++;
    // Every ninth village is short of reserves; every thirteenth has no 书记后备.
    const take = unitIndex % 9 === 0 ? 2 : Math.min(list.length, 5 + Math.floor(rand() * 2));
    list.slice(0, take).forEach((c, i) => {
      // The village's first choice has been in the pool a while: it is the 书记后备.
      const nominated = now.subtract((i === 0 ? 420 : 60) + Math.floor(rand() * 600), 'day');
      const villageOn = nominated.add(10 + Math.floor(rand() * 20), 'day');
      const townOn = villageOn.add(10 + Math.floor(rand() * 30), 'day');
      // The newest nominations are still being looked at.
      const stage = nominated.isAfter(now.subtract(100, 'day')) ? (rand() < 0.5 ? 1 : 2) : 3;
      const filed = stage === 3 && rand() < 0.85 ? townOn.add(5 + Math.floor(rand() * 20), 'day') : null;
      const facts = {
        personId: c.id,
        unitId,
        postDirection: i === 0 && unitIndex % 13 !== 0 ? '书记后备' : '两委委员后备',
        source: weighted(SOURCES),
        method: pick(METHODS),
        by: null as string | null,
        nominatedOn: day(nominated),
        villageOn: stage >= 2 ? day(villageOn) : null,
        townOn: stage === 3 ? day(townOn) : null,
        filedOn: filed && !filed.isAfter(now) ? day(filed) : null,
        mentor: pick(MENTORS),
        mentorPost: rand() < 0.5 ? '村党支部书记' : '镇党委委员',
      };
      facts.by = facts.method === '组织推荐' ? '村党支部' : facts.method === '群众举荐' ? '村民代表' : null;
      const id = Number(insertReserve.run(facts).lastInsertRowid);
      insertEvent.run(id, '推荐', facts.nominatedOn, facts.method, null, 1);
      if (facts.villageOn) insertEvent.run(id, '考察', facts.villageOn, '村党组织考察初审', null, 1);
      let inPool = false;
      if (facts.townOn) {
        insertEvent.run(id, '入库', facts.townOn, '乡镇党委复审通过', null, 1);
        inPool = true;
        const later = townOn.add(120 + Math.floor(rand() * 300), 'day');
        const roll = rand();
        if (i === 0 || later.isAfter(now)) {
          // stays in the pool
        } else if (roll < 0.09) {
          insertEvent.run(id, '任用', day(later), '村“两委”补选', pick(POSTS), 0);
          inPool = false;
        } else if (roll < 0.15) {
          insertEvent.run(id, '出库', day(later), pick(EXIT_REASONS), null, 0);
          inPool = false;
          const back = later.add(30, 'day');
          if (++exits % 3 === 0 && !back.isAfter(now)) {
            insertEvent.run(id, '入库', day(back), '返乡后重新推荐，复审通过', null, 0);
            inPool = true;
          }
        }
      }
      pool.push({ id, unitId, inPool, since: facts.townOn ?? facts.nominatedOn });
    });
  }
  generateDemoTrainings(ctx, rand, pool.filter((r) => r.inPool), now);
  generateDemoAffairs(ctx, rand, pool.filter((r) => r.inPool), now);
  // Once, after every fact is in: the derived columns as the services would have left them.
  refreshReserves(
    ctx,
    pool.map((r) => r.id),
  );
  return pool.length;
}

/** Classes and placements over the last two years, each cost split over its trainees the way the service does. */
function generateDemoTrainings(ctx: LedgerContext, rand: () => number, inPool: { id: number; since: string }[], now: dayjs.Dayjs): void {
  const sources = DEFAULT_RESERVE_CONFIG.fundingSources;
  const insertTraining = ctx.sqlite.prepare(
    `INSERT INTO reserve_trainings (type, title, host, start_on, end_on, hours, cost_fen, funding_source, cost_item)
     VALUES (@type, @title, @host, @startOn, @endOn, @hours, @costFen, @source, @item)`,
  );
  const insertEnrolment = ctx.sqlite.prepare('INSERT INTO reserve_enrolments (training_id, reserve_id, seq, cost_fen) VALUES (?, ?, ?, ?)');
  const add = (t: { type: string; title: string; host: string; startOn: dayjs.Dayjs; days: number; hours: number; costFen: number; source: string; item: string }, among: { id: number; since: string }[]) => {
    // Only those already in the pool when the class began.
    const ids = among.filter((r) => r.since <= t.startOn.format('YYYY-MM-DD')).map((r) => r.id);
    if (ids.length === 0 || t.startOn.isAfter(now)) return;
    const end = t.startOn.add(t.days, 'day');
    const id = Number(
      insertTraining.run({ ...t, startOn: t.startOn.format('YYYY-MM-DD'), endOn: end.isAfter(now) && t.days > 365 ? null : end.format('YYYY-MM-DD') }).lastInsertRowid,
    );
    splitFen(t.costFen, ids.length).forEach((fen, i) => {
      insertEnrolment.run(id, ids[i]!, i + 1, fen);
    });
  };
  const shuffled = [...inPool].sort(() => rand() - 0.5);
  const year = now.year();
  // Two 集中培训 classes a year: the spring one larger, costs that do not divide evenly.
  [
    { at: dayjs(`${year - 1}-04-12`), size: 0.5, cost: 860000, title: `${year - 1}年村“两委”后备人才集中培训班` },
    { at: dayjs(`${year - 1}-10-18`), size: 0.3, cost: 515050, title: `${year - 1}年秋季后备人才能力提升班` },
    { at: dayjs(`${year}-04-15`), size: 0.55, cost: 520000, title: `${year}年村“两委”后备人才集中培训班` },
    { at: dayjs(`${year}-09-20`), size: 0.35, cost: 517733, title: `${year}年乡村振兴专题培训班` },
  ].forEach((c, i) => {
    const start = Math.floor(rand() * shuffled.length * 0.3);
    add(
      { type: '集中培训', title: c.title, host: '湟中区委党校', startOn: c.at, days: 4, hours: 32, costFen: c.cost, source: i % 2 === 0 ? sources[0]! : sources[1]!, item: '集中培训' },
      shuffled.slice(start, start + Math.round(shuffled.length * c.size)),
    );
  });
  // Placements: one person each, with a monthly allowance; a 大专班 cohort with 学历提升补助.
  shuffled.slice(0, 8).forEach((r, i) =>
    add({ type: '入企挂职', title: '企业经营管理挂职', host: pick(rand, ['青海多巴物流园', '湟中农牧合作社', '西宁特钢多巴分厂']), startOn: now.subtract(300 - i * 20, 'day'), days: 90, hours: 0, costFen: 150000, source: sources[2]!, item: '挂职补贴' }, [r]),
  );
  shuffled.slice(8, 30).forEach((r, i) =>
    add({ type: '乡镇机关历练', title: '镇党政办跟班学习', host: '多巴镇人民政府', startOn: now.subtract(400 - i * 9, 'day'), days: 60, hours: 0, costFen: i % 3 === 0 ? 60000 : 0, source: sources[1]!, item: '挂职补贴' }, [r]),
  );
  add(
    { type: '大专班', title: '村干部学历提升大专班（2年制）', host: '青海开放大学', startOn: dayjs(`${year - 1}-09-01`), days: 730, hours: 480, costFen: 1500 * 100 * 12, source: sources[0]!, item: '学历提升补助' },
    shuffled.slice(40, 52),
  );
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function generateDemoAffairs(ctx: LedgerContext, rand: () => number, inPool: { id: number; unitId: number }[], now: dayjs.Dayjs): void {
  const insertAffair = ctx.sqlite.prepare('INSERT INTO reserve_affairs (date, affair_type, description) VALUES (?, ?, ?)');
  const insertParticipant = ctx.sqlite.prepare('INSERT INTO reserve_affair_participants (affair_id, reserve_id) VALUES (?, ?)');
  const units = [...new Set(inPool.map((r) => r.unitId))];
  for (let i = 0; i < 24; i++) {
    const unitId = units[Math.floor(rand() * units.length)]!;
    const [type, what] = pick(rand, AFFAIRS);
    const id = Number(insertAffair.run(now.subtract(10 + Math.floor(rand() * 300), 'day').format('YYYY-MM-DD'), type, what).lastInsertRowid);
    for (const r of inPool.filter((x) => x.unitId === unitId)) insertParticipant.run(id, r.id);
  }
  // Quarterly points for everyone in the pool, for the quarters already past this year.
  const insertPoints = ctx.sqlite.prepare('INSERT INTO reserve_assessments (reserve_id, period, points) VALUES (?, ?, ?)');
  const quarters = Math.floor(now.month() / 3);
  for (let q = 1; q <= quarters; q++) {
    for (const r of inPool) insertPoints.run(r.id, `${now.year()}Q${q}`, 60 + Math.round(rand() * 40));
  }
  const insertYear = ctx.sqlite.prepare('INSERT INTO reserve_assessments (reserve_id, period, rating) VALUES (?, ?, ?)');
  inPool.forEach((r, i) => insertYear.run(r.id, String(now.year() - 1), i === 7 ? '不合格' : i % 5 === 0 ? '优秀' : '合格'));
}
