/**
 * 发展党员 in the browser: one applicant from 递交入党申请书 to 正式党员, with the rules speaking up on the way, and the
 * pages around it (合规检查, 规则设置, 首页 drill-down) on the demo township.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { plainValue } from '../../core/excel/read';
import { discardChanges, expect, setUpTown, test, validIdNumber } from './fixtures';
import { fillDate, newFile, shot, stepDrawer } from './members-helpers';

const NAME = '马文明';

/** With LEDGER_SHOTS set (see members-screenshots.spec.ts), the walk-through also leaves pictures of its key moments. */
/** Opens a 流程节点 from the timeline, types its date, lets `fill` add the rest, and saves with Enter. */
async function recordStep(page: Page, no: number, date: string, fill?: (drawer: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`step-${no}`).getByRole('button', { name: new RegExp(`^${no} `) }).click();
  const drawer = stepDrawer(page, no);
  await typeDate(drawer, date);
  if (fill) await fill(drawer);
  await drawer.getByLabel('日期', { exact: true }).press('Enter');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId(`step-${no}`)).toContainText(date);
}

async function typeDate(drawer: Locator, date: string): Promise<void> {
  const field = drawer.getByLabel('日期', { exact: true });
  await field.fill(date);
  // The picker commits a typed date on blur, as a clerk tabbing to the next box does.
  await field.press('Tab');
}

async function meeting(drawer: Locator, counts: [number, number, number, number, number]): Promise<void> {
  for (const [i, label] of ['应到（人）', '实到（人）', '赞成（人）', '反对（人）', '弃权（人）'].entries()) {
    await drawer.getByLabel(label).fill(String(counts[i]));
  }
}

test.describe('一名入党申请人走完全部流程节点', () => {
  test.use({ serverOptions: { today: '2025-06-15' } });

  test('从递交入党申请书到转为正式党员：即时提示、特殊情况说明、政审把关、预备期满提醒、花名册导出', async ({ app: page, server }, testInfo) => {
    test.setTimeout(420_000);
    // The form's instant checks use the browser's calendar; keep it on the server's "today".
    await page.clock.install({ time: new Date('2025-06-15T10:00:00+08:00') });
    await page.clock.resume();
    await page.reload();
    await setUpTown(page, '多巴镇');

    // The person comes from the 人员库; 新建档案 records 流程节点 1 and opens the person's page.
    await newFile(page, { name: NAME, idNumber: validIdNumber('1994-05-10', '135'), search: '马文', applied: '2023-03-01' });
    await expect(page.getByTestId('record-name')).toHaveText(NAME);
    await expect(page.getByTestId('step-1')).toContainText('2023-03-01');

    // The header's primary button opens the next 流程节点.
    await page.getByRole('button', { name: '记录：党组织派人谈话' }).click();
    const talk = stepDrawer(page, 2);
    await typeDate(talk, '2023-03-20');
    await talk.getByLabel('谈话人1姓名').fill('李文华');
    await talk.getByLabel('谈话人1职务').fill('支部书记');
    await talk.getByRole('button', { name: /保存/ }).click();
    await expect(talk).toBeHidden();
    await expect(page.getByTestId('step-2')).toContainText('李文华·支部书记');

    await recordStep(page, 3, '2023-06-01');
    await recordStep(page, 4, '2023-06-10');
    await recordStep(page, 5, '2023-06-15', (d) => d.getByLabel('培养联系人1姓名').fill('王秀梅'));
    await recordStep(page, 6, '2023-12-01');
    await page.getByRole('tab', { name: /考察与思想汇报/ }).click();
    await fillDate(page.getByTestId('periodic-panel'), '考察或思想汇报日期', '2023-11-20');
    await page.getByTestId('periodic-panel').getByRole('button', { name: '添加' }).click();
    await expect(page.getByTestId('periodic-panel').getByRole('row', { name: /2023-11-20/ })).toContainText('考察');
    await page.getByRole('tab', { name: '流程节点' }).click();

    // R09: less than a year after 积极分子. The error shows at the date field as soon as the date is in, and the
    // save waits for a 特殊情况说明.
    await page.getByTestId('step-7').getByRole('button', { name: /^7 / }).click();
    const f = stepDrawer(page, 7);
    await typeDate(f, '2024-03-01');
    await expect(f.getByTestId('step-date-violations')).toContainText('R09');
    await expect(f.getByTestId('step-date-violations')).toContainText('不满一年（最早 2024-06-01）');
    await shot(page, 'm20-flow-r09-instant');
    await f.getByRole('button', { name: /保存/ }).click();
    // The reason box names the rule it answers for.
    await expect(f.getByText(/^不符合R09（经过一年以上培养教育和考察方可列为发展对象.*），请写明特殊情况后再保存$/)).toBeVisible();
    await f.getByLabel('特殊情况说明').fill('经镇党委研究，本人长期在外务工返乡后集中考察，提前列为发展对象');
    await f.getByRole('button', { name: /保存/ }).click();
    await expect(f).toBeHidden();
    await expect(page.getByTestId('step-7')).toContainText('特殊情况说明：经镇党委研究');
    await expect(page.getByTestId('violations-panel')).toContainText('R09');

    await recordStep(page, 8, '2024-03-05');
    // A slip is undone from the timeline, and the undo itself can be taken back from the message.
    await page.getByTestId('step-8').getByRole('button', { name: '撤销' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByTestId('step-8')).not.toContainText('2024-03-05');
    await page.getByRole('button', { name: '恢复' }).click();
    await expect(page.getByTestId('step-8')).toContainText('2024-03-05');
    await recordStep(page, 9, '2024-03-08', async (d) => {
      await d.getByLabel('入党介绍人1姓名').fill('张德成');
      await d.getByLabel('入党介绍人2姓名').fill('朱玉芳');
    });
    await recordStep(page, 11, '2024-05-10', (d) => d.getByLabel('培训天数').fill('3'));
    await recordStep(page, 12, '2024-06-10');
    await recordStep(page, 13, '2024-06-15');
    await recordStep(page, 14, '2024-06-20');

    // Without a 合格 政审 结论 the 支部大会 cannot be recorded, and no 特殊情况说明 is offered.
    await page.getByTestId('step-15').getByRole('button', { name: /^15 / }).click();
    const z = stepDrawer(page, 15);
    await typeDate(z, '2024-07-01');
    await meeting(z, [20, 18, 17, 0, 1]);
    await z.getByRole('button', { name: /保存/ }).click();
    await expect(z.getByText('未能保存')).toBeVisible();
    await expect(z.getByText(/未记录政治审查结论/)).toHaveCount(1);
    await expect(z.getByTestId('step-general-violations')).toContainText('R11');
    await expect(z.getByLabel('特殊情况说明')).toHaveCount(0);
    await shot(page, 'm21-flow-r11-refused');
    await z.getByRole('button', { name: '去填写政治审查' }).click();
    await expect(z).toBeHidden();

    // 一谈一报一审一定, with a 函调 answered before the 结论.
    const review = page.getByTestId('review-form');
    await fillDate(review, '谈话日期', '2024-04-01');
    await review.getByLabel('谈话人').fill('韩海英');
    await review.getByLabel('谈话情况').fill('本人对党的认识较深刻，入党动机端正');
    await fillDate(review, '报送日期', '2024-04-05');
    await review.getByLabel('报送材料').fill('入党申请书、自传、政审材料');
    await fillDate(review, '审查日期', '2024-04-10');
    const letters = page.getByTestId('letters');
    await fillDate(letters, '函调日期', '2024-04-12');
    await letters.getByLabel('函调单位').fill('西宁市城北区朝阳街道党工委');
    await fillDate(letters, '回函日期', '2024-04-20');
    await letters.getByRole('button', { name: '添加' }).click();
    await expect(letters.getByRole('row', { name: /朝阳街道党工委/ })).toContainText('2024-04-20');
    // Adding a 函调 saves at once; what is typed in the other parts stays until 保存政治审查.
    await expect(review.getByLabel('谈话人')).toHaveValue('韩海英');
    await review.getByRole('radio', { name: '合格', exact: true }).check();
    await fillDate(review, '结论日期', '2024-04-25');
    await review.getByLabel('签署人').fill('张明');
    await review.getByRole('button', { name: '保存政治审查' }).click();
    await expect(page.getByText('已同时记录流程节点：10 进行政治审查')).toBeVisible();
    await shot(page, 'm22-flow-review-saved');
    await page.reload();
    await expect(page.getByTestId('review-form').getByLabel('谈话人')).toHaveValue('韩海英');
    await expect(page.getByTestId('review-form').getByLabel('报送材料')).toHaveValue('入党申请书、自传、政审材料');

    await page.getByRole('tab', { name: '流程节点' }).click();
    await expect(page.getByTestId('step-10')).toContainText('2024-04-25');
    // R17/R18 are the 党章's own conditions: a vote without a quorum is refused outright, and no 特殊情况说明 is offered.
    await page.getByTestId('step-15').getByRole('button', { name: /^15 / }).click();
    const vote = stepDrawer(page, 15);
    await typeDate(vote, '2024-07-01');
    await meeting(vote, [20, 10, 10, 0, 0]);
    await expect(vote.getByTestId('step-meeting-violations')).toContainText('R17');
    await expect(vote.getByLabel('特殊情况说明')).toHaveCount(0);
    await vote.getByRole('button', { name: /保存/ }).click();
    await expect(vote.getByText('未能保存')).toBeVisible();
    await expect(vote.getByText('此类问题不能以特殊情况说明保存', { exact: false })).toBeVisible();
    await expect(vote.getByLabel('特殊情况说明')).toHaveCount(0);
    await vote.getByRole('button', { name: /取消/ }).click();
    await discardChanges(page);
    await expect(vote).toBeHidden();
    await recordStep(page, 15, '2024-07-01', (d) => meeting(d, [20, 18, 17, 0, 1]));
    await expect(page.getByTestId('step-15')).toContainText('应到20 实到18 赞成17 反对0 弃权1');
    // A date after today is refused as it is typed: what has not happened cannot be recorded.
    await page.getByTestId('step-16').getByRole('button', { name: /^16 / }).click();
    const future = stepDrawer(page, 16);
    await typeDate(future, '2025-06-16');
    await expect(future.getByText('上级党委派人谈话日期（2025-06-16）晚于今天（2025-06-15），尚未发生的事项不能记录')).toBeVisible();
    await future.getByRole('button', { name: /取消/ }).click();
    await discardChanges(page);
    await expect(future).toBeHidden();
    await recordStep(page, 16, '2024-07-10', (d) => d.getByLabel('谈话人1姓名').fill('马建国'));
    await recordStep(page, 17, '2024-07-25');
    await recordStep(page, 18, '2024-08-01');
    await recordStep(page, 19, '2024-08-02');
    await recordStep(page, 20, '2024-08-05');
    await recordStep(page, 21, '2025-01-10');
    await recordStep(page, 22, '2025-06-01');
    await expect(page.getByTestId('record-header')).toContainText('预备期满2025-06-30');
    await expect(page.getByTestId('record-header')).toContainText('党龄起算2025-07-01');

    // Fifteen days before the 预备期 ends, the person page and 首页 both say so.
    await expect(page.getByTestId('record-reminders')).toContainText('预备期将于 2025-06-30 期满');
    await page.getByRole('menuitem', { name: '首页' }).click();
    const reminders = page.getByTestId('home-reminders');
    await expect(reminders.getByRole('row', { name: new RegExp(NAME) })).toContainText('2025-06-30');
    await expect(reminders.getByRole('row', { name: new RegExp(NAME) })).toContainText('剩 15 天');
    await shot(page, 'm23-flow-home-reminder');
    await reminders.getByRole('link', { name: NAME }).click();
    await expect(page.getByTestId('record-name')).toHaveText(NAME);

    // A month later the 预备期 is over: 转正.
    const url = await server.restart({ today: '2025-07-20' });
    await page.clock.setSystemTime(new Date('2025-07-20T10:00:00+08:00'));
    await page.goto(url);
    await page.getByRole('menuitem', { name: '发展党员' }).click();
    await page.getByRole('link', { name: NAME }).click();
    await recordStep(page, 23, '2025-07-02', (d) => meeting(d, [20, 19, 19, 0, 0]));
    await recordStep(page, 24, '2025-07-15');
    await recordStep(page, 25, '2025-07-18');
    await expect(page.getByText('正式党员', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('全部流程节点已完成')).toBeVisible();
    await shot(page, 'm24-flow-done');

    // The 台账 view shows the same dates in one row.
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByText('台账', { exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await expect(row).toContainText('2024-03-01');
    await expect(row).toContainText('2025-07-18');

    // 发展党员花名册 from 报表中心, read back.
    await page.getByRole('menuitem', { name: '报表中心' }).click();
    const card = page.getByTestId('report-members-roster');
    const downloading = page.waitForEvent('download');
    await card.getByRole('button', { name: /导出 Excel/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^发展党员花名册.*\.xlsx$/);
    const file = join(testInfo.outputDir, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    let cells: string[] = [];
    sheet.eachRow((r) => {
      // Dates are real Excel dates now; read them as the sheet shows them.
      const texts = (r.values as ExcelJS.CellValue[]).map((v) => String(plainValue(v) ?? ''));
      if (texts.includes(NAME)) cells = texts;
    });
    expect(cells).toContain(NAME);
    for (const date of ['2023-03-01', '2024-03-01', '2024-07-01', '2025-07-02', '2025-07-18']) expect(cells).toContain(date);
    expect(cells).toContain('合格');
    expect(cells.join('|')).toContain('第7节点：经镇党委研究');
  });
});
