/**
 * 村"两委"后备人才 in the browser, as a township clerk works through it: a reserve added through the form (with its
 * 入库条件 warning), three reserves enrolled in one 集中培训 class whose cost is split to the 分, a village affair for
 * all three, one of them 任用 on their page, and the list showing it all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readWorkbook } from '../../core/excel/read';
import { apiCall } from './api';
import { expect, pickOption, setUpTown, test, validIdNumber } from './fixtures';
import { fillDate, shot } from './members-helpers';

const TODAY = '2026-05-20';

interface Unit {
  id: number;
  name: string;
}

/** Three people in the 人员库 of one village; only the first lacks a 学历, so the form warns about that one. */
async function threePeople(page: Page): Promise<Unit> {
  const units = await apiCall<Unit[]>(page, 'org.listUnits', {});
  const village = units[0]!;
  const people = [
    { name: '马文明', idNumber: validIdNumber('1990-04-12', '135'), ethnicity: '03' },
    { name: '祁玉兰', idNumber: validIdNumber('1993-08-02', '248'), ethnicity: '01', education: '21' },
    { name: '韩春花', idNumber: validIdNumber('1995-01-20', '362'), ethnicity: '01', education: '31' },
  ];
  for (const p of people) await apiCall(page, 'people.create', { ...p, unitId: village.id });
  return village;
}

/** The other two reserves arranged through the contract: the form itself is exercised with the first. */
async function twoMoreReserves(page: Page, village: Unit): Promise<void> {
  const found = await apiCall<{ items: { id: number; name: string }[] }>(page, 'people.list', { pageSize: 20 });
  for (const name of ['祁玉兰', '韩春花']) {
    const person = found.items.find((p) => p.name === name)!;
    await apiCall(page, 'reserves.create', {
      personId: person.id,
      unitId: village.id,
      postDirection: '两委委员后备',
      source: '外出务工经商人员',
      nominationMethod: '群众举荐',
      nominatedOn: '2026-02-10',
      villageReviewOn: '2026-02-20',
      townReviewOn: '2026-03-05',
    });
  }
}

function row(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** The list's cells by column title, so the checks read as what the clerk reads. */
async function cell(page: Page, name: string, column: string): Promise<Locator> {
  const titles = await page.locator('.ant-table-thead th').allInnerTexts();
  const index = titles.findIndex((t) => t.trim() === column);
  expect(index, `列“${column}”`).toBeGreaterThanOrEqual(0);
  return row(page, name).locator('td').nth(index);
}

test.describe('后备人才', () => {
  test.use({ serverOptions: { today: TODAY } });

  test('新增后备人才、三人同班报名培训（经费分摊到分）、记录村级事务、任用，名册随之更新', async ({ app: page }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(err.message));
    // The forms judge dates by the browser's calendar; keep it on the server's "today".
    await page.clock.install({ time: new Date(`${TODAY}T10:00:00+08:00`) });
    await page.clock.resume();
    await page.reload();
    await setUpTown(page, '多巴镇');
    const village = await threePeople(page);

    // 新增后备人才 through the form: the person comes from the 人员库 and brings their village along.
    await page.getByRole('menuitem', { name: '后备人才' }).click();
    await expect(page.getByText('暂无后备人才')).toBeVisible();
    await page.getByRole('button', { name: '新增后备人才' }).click();
    const form = page.getByRole('dialog', { name: '新增后备人才' });
    await pickOption(page, form.getByRole('combobox', { name: '人员' }), '马文明', '马文');
    await expect(form.getByText(village.name, { exact: true })).toBeVisible();
    await pickOption(page, form.getByRole('combobox', { name: '岗位方向' }), '书记后备', '');
    await pickOption(page, form.getByRole('combobox', { name: '来源类别' }), '返乡大学生', '');
    await form.getByLabel('推荐人（单位）').fill('村党支部');
    await fillDate(form, '推荐日期', '2026-03-01');
    await fillDate(form, '村党组织考察初审日期', '2026-03-15');
    await fillDate(form, '乡镇党委复审（入库）日期', '2026-04-01');
    await form.getByLabel('帮带导师').fill('李文华');
    await form.getByLabel('导师职务').fill('村党支部书记');
    // Enter saves, as in every form.
    await form.getByLabel('导师职务').press('Enter');

    // The 入库条件 are warnings, never a refusal: the clerk is told and the record is kept.
    const warning = page.getByRole('dialog').filter({ hasText: '入库条件提醒' });
    await expect(warning).toContainText('未填学历');
    await warning.getByRole('button', { name: '知道了' }).click();
    await expect(page.getByTestId('reserve-name')).toHaveText('马文明');
    await expect(page.getByTestId('reserve-status')).toHaveText('在库');
    await expect(page.getByTestId('reserve-warnings')).toContainText('未填学历');
    await expect(page.getByTestId('reserve-events')).toContainText('乡镇党委复审通过');

    await twoMoreReserves(page, village);
    await page.getByRole('menuitem', { name: '后备人才' }).click();
    await expect(page.getByRole('row').filter({ hasText: '返乡大学生' })).toContainText('马文明');
    for (const name of ['马文明', '祁玉兰', '韩春花']) await row(page, name).getByRole('checkbox').check();
    await expect(page.getByTestId('batch-bar')).toContainText('已选 3 人');

    // 报名培训: one 集中培训 class for all three; 1000.01 元 splits as 333.34 / 333.34 / 333.33, first ticked first.
    await page.getByRole('button', { name: '报名培训' }).click();
    const training = page.getByRole('dialog', { name: '报名培训（3 人）' });
    await pickOption(page, training.getByRole('combobox', { name: '培养类型' }), '大专班', '');
    await expect(training.getByLabel('入学日期', { exact: true })).toBeVisible();
    await expect(training.getByLabel('毕业日期', { exact: true })).toBeVisible();
    await pickOption(page, training.getByRole('combobox', { name: '培养类型' }), '集中培训', '');
    await expect(training.getByLabel('开始日期', { exact: true })).toBeVisible();
    await training.getByLabel('班次名称').fill('2026年第一期后备人才集中培训');
    await training.getByLabel('主办单位').fill('多巴镇党委');
    await fillDate(training, '开始日期', '2026-04-10');
    await fillDate(training, '结束日期', '2026-04-12');
    await training.getByLabel('学时').fill('24');
    await training.getByLabel('经费（元）').fill('1000.01');
    const split = training.getByTestId('split-preview');
    await expect(split).toContainText('合计 1000.01 元');
    await expect(split.getByRole('row').filter({ hasText: '马文明' })).toContainText('333.34 元');
    await expect(split.getByRole('row').filter({ hasText: '祁玉兰' })).toContainText('333.34 元');
    await expect(split.getByRole('row').filter({ hasText: '韩春花' })).toContainText('333.33 元');
    await pickOption(page, training.getByRole('combobox', { name: '经费来源' }), '乡镇自筹', '');
    await pickOption(page, training.getByRole('combobox', { name: '经费科目' }), '集中培训', '');
    await shot(page, 'reserve-training');
    await training.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(training).toBeHidden();
    await expect(page.getByText('已为 3 人记录培养：集中培训')).toBeVisible();
    await expect(await cell(page, '韩春花', '培养次数')).toHaveText('1');
    await expect(await cell(page, '韩春花', '学时')).toHaveText('24');

    // 记录村级事务 for the same three.
    await page.getByRole('button', { name: '记录村级事务' }).click();
    const affair = page.getByRole('dialog', { name: '记录村级事务（3 人）' });
    await fillDate(affair, '参与日期', '2026-05-08');
    await pickOption(page, affair.getByRole('combobox', { name: '事务类型' }), '环境卫生', '');
    await affair.getByLabel('具体内容').fill('参与村庄人居环境整治');
    await affair.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(affair).toBeHidden();
    for (const name of ['马文明', '祁玉兰', '韩春花']) await expect(await cell(page, name, '村级事务')).toHaveText('1');

    // 任用 on the person's page: the post is asked for, and the 动态调整台账 gains the line.
    await row(page, '马文明').getByRole('link', { name: '马文明' }).click();
    await expect(page.getByTestId('reserve-name')).toHaveText('马文明');
    await page.getByRole('tab', { name: /培养/ }).click();
    await expect(page.getByTestId('reserve-trainings')).toContainText('333.34 元');
    await page.getByRole('tab', { name: /村级事务/ }).click();
    await expect(page.getByTestId('reserve-affairs')).toContainText('环境卫生');
    await page.getByTestId('reserve-header').getByRole('button', { name: '任用' }).click();
    const appoint = page.getByRole('dialog', { name: '任用：马文明' });
    await fillDate(appoint, '任用日期', '2026-05-12');
    await appoint.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(appoint.getByText('请填写任用的职务')).toBeVisible();
    await appoint.getByLabel('任用职务').fill('村党组织书记');
    await appoint.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(appoint).toBeHidden();
    await expect(page.getByTestId('reserve-status')).toHaveText('已任用：村党组织书记');
    await expect(page.getByTestId('reserve-events')).toContainText('任用');
    await expect(page.getByTestId('reserve-header').getByRole('button', { name: '出库' })).toBeVisible();
    await shot(page, 'reserve-person');

    // Back on the list: the status with the post, and the 培养 count and hours.
    await page.getByRole('button', { name: '返回列表' }).click();
    await expect(await cell(page, '马文明', '状态')).toContainText('已任用');
    await expect(await cell(page, '马文明', '状态')).toContainText('村党组织书记');
    await expect(await cell(page, '马文明', '培养次数')).toHaveText('1');
    await expect(await cell(page, '马文明', '学时')).toHaveText('24');
    await expect(await cell(page, '祁玉兰', '状态')).toContainText('在库');
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已任用' }).click();
    await expect(page.getByText('共 1 人')).toBeVisible();
    await expect(row(page, '马文明')).toBeVisible();
    await shot(page, 'reserve-list');

    // The plan page counts the training against the year's 集中培训 target and the money against the budget.
    await page.getByRole('button', { name: '计划与经费' }).click();
    await expect(page.getByTestId('plan-budget')).toContainText('已用 1000.01 元');
    await shot(page, 'reserve-plan');
    await page.getByRole('tab', { name: '经费使用' }).click();
    await expect(page.getByTestId('funds-by-source')).toContainText('乡镇自筹');
    await shot(page, 'reserve-funds');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByTestId('home-reserves')).toContainText('经费已用 1000.01 元');
    await shot(page, 'reserve-home');
    expect(errors, '浏览器控制台没有错误').toEqual([]);
  });

  test('同一人不能重复入库（错误显示在字段旁）；修改基本信息；删除误建的记录后可撤销；打印一人一卡', async ({ app: page }) => {
    await page.clock.install({ time: new Date(`${TODAY}T10:00:00+08:00`) });
    await page.clock.resume();
    await page.reload();
    await setUpTown(page, '多巴镇');
    const village = await threePeople(page);
    await twoMoreReserves(page, village);

    await page.getByRole('menuitem', { name: '后备人才' }).click();
    await page.getByRole('button', { name: '新增后备人才' }).click();
    const form = page.getByRole('dialog', { name: '新增后备人才' });
    await pickOption(page, form.getByRole('combobox', { name: '人员' }), '祁玉兰', '祁玉');
    await pickOption(page, form.getByRole('combobox', { name: '岗位方向' }), '书记后备', '');
    await pickOption(page, form.getByRole('combobox', { name: '来源类别' }), '返乡大学生', '');
    await form.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(form.getByText('已在后备人才名册中', { exact: true })).toBeVisible();
    await form.getByText('打开其个人页面').click();
    await expect(page.getByTestId('reserve-name')).toHaveText('祁玉兰');

    await page.getByTestId('reserve-header').getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '修改后备人才：祁玉兰' });
    await edit.getByLabel('帮带导师').fill('马建国');
    await edit.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByTestId('reserve-header')).toContainText('马建国');

    await page.getByTestId('reserve-header').getByRole('button', { name: '删除记录' }).click();
    await page.getByRole('dialog', { name: '删除祁玉兰的后备人才记录？' }).getByRole('button', { name: '删除记录' }).click();
    await expect(page.getByText('共 1 人')).toBeVisible();
    await page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByTestId('reserve-name')).toHaveText('祁玉兰');
    await expect(page.getByTestId('reserve-header')).toContainText('马建国');

    // 打印一人一卡 for the ticked rows: the file arrives as a download in web mode, as every report does.
    await page.getByRole('button', { name: '返回列表' }).click();
    await row(page, '祁玉兰').getByRole('checkbox').check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '打印一人一卡' }).click();
    expect((await download).suggestedFilename()).toMatch(/一人一卡.*\.xlsx$/);
    await expect(page.getByText(/已导出：.*一人一卡/)).toBeVisible();
  });

  test('报表中心导出后备人才培养情况统计表：与手算的数字一致', async ({ app: page }, testInfo) => {
    await setUpTown(page, '多巴镇');
    const village = await threePeople(page);
    await twoMoreReserves(page, village);
    const people = await apiCall<{ items: { id: number; name: string }[] }>(page, 'people.list', { pageSize: 20 });
    const ma = await apiCall<{ id: number }>(page, 'reserves.create', {
      personId: people.items.find((p) => p.name === '马文明')!.id,
      unitId: village.id,
      postDirection: '书记后备',
      source: '返乡大学生',
      nominationMethod: '组织推荐',
      nominatedOn: '2026-03-01',
      villageReviewOn: '2026-03-15',
      townReviewOn: '2026-04-01',
    });
    const list = await apiCall<{ items: { id: number; name: string }[] }>(page, 'reserves.list', {});
    const ids = ['马文明', '祁玉兰', '韩春花'].map((n) => list.items.find((r) => r.name === n)!.id);
    await apiCall(page, 'reserves.addTraining', { type: '集中培训', startOn: '2026-04-10', endOn: '2026-04-12', hours: 24, costFen: 100001, fundingSource: '乡镇自筹', costItem: '集中培训', reserveIds: ids });
    await apiCall(page, 'reserves.addAffair', { date: '2026-05-06', affairType: '环境卫生', reserveIds: ids });
    await apiCall(page, 'reserves.changeStatus', { reserveId: ma.id, kind: '任用', date: '2026-05-12', post: '村党组织书记' });

    await page.getByRole('menuitem', { name: '报表中心' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('report-reserves-stats').getByRole('button', { name: /导出 Excel/ }).click();
    const download = await downloading;
    const file = join(testInfo.outputDir, download.suggestedFilename());
    await download.saveAs(file);
    const sheet = (await readWorkbook(readFileSync(file))).sheets[0]!;
    const [groups, names] = [sheet.rows[2]!, sheet.rows[3]!];
    const at = (header: string, within = groups) => within.findIndex((v) => v === header);
    const line = sheet.rows.find((r) => r[0] === village.name)!;
    const total = sheet.rows.find((r) => r[0] === '合计')!;
    // By hand: 马文明 was 任用 on 05-12, so at the period's end (today) 祁玉兰 and 韩春花 are 在库, both 外出务工经商人员.
    // The class counts all three (人数 3, 人次 3), as does the affair (人次 3); the money is the whole 1000.01 元;
    // against the 3-per-village target the village has 2, a gap of 1.
    const expected: [string, number][] = [
      ['总数', 2],
      ['村级事务人次', 3],
      ['经费（元）', 1000.01],
    ];
    for (const [header, value] of expected) expect(line[at(header)], header).toBe(value);
    expect(line[at('外出务工经商人员', names)], '外出务工经商人员').toBe(2);
    expect(line[at('返乡大学生', names)], '返乡大学生').toBe(0);
    const course = at('集中培训', names);
    expect([line[course], line[course + 1]], '集中培训 人数、人次').toEqual([3, 3]);
    expect([line[at('目标', names)], line[at('实有', names)], line[at('差额', names)]], '目标、实有、差额').toEqual([3, 2, 1]);
    // The 合计 adds every village: only this one has reserves; every other village's gap is the whole 3.
    expect(total[at('总数')]).toBe(2);
    expect(total[at('经费（元）')]).toBe(1000.01);
  });
});
