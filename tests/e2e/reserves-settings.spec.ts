/**
 * 后备人才 as a clerk keeps it up: the township's plan changed in 设置 and the plan page following it, a training's
 * cost corrected on a person's page (split again over the class) with a trainee's 结业情况 and certificate, the
 * reserve's own papers, and a record deleted by mistake brought back from 已删除 after its toast is gone.
 */
import type { Locator, Page } from '@playwright/test';
import { apiCall } from './api';
import { expect, setUpTown, test, validIdNumber } from './fixtures';
import { shot } from './members-helpers';

const TODAY = '2026-05-20';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

interface Unit {
  id: number;
  name: string;
}

/** Three 在库 reserves of the first village, arranged through the contract: the clicks under test come after. */
async function threeReserves(page: Page): Promise<{ village: Unit; ids: Record<string, number> }> {
  const units = await apiCall<Unit[]>(page, 'org.listUnits', {});
  const village = units[0]!;
  const people = [
    { name: '马文明', idNumber: validIdNumber('1990-04-12', '135'), ethnicity: '03', education: '21' },
    { name: '祁玉兰', idNumber: validIdNumber('1993-08-02', '248'), ethnicity: '01', education: '21' },
    { name: '韩春花', idNumber: validIdNumber('1995-01-20', '362'), ethnicity: '01', education: '31' },
  ];
  const ids: Record<string, number> = {};
  for (const p of people) {
    const person = await apiCall<{ id: number }>(page, 'people.create', { ...p, unitId: village.id });
    const reserve = await apiCall<{ id: number }>(page, 'reserves.create', {
      personId: person.id,
      unitId: village.id,
      postDirection: p.name === '马文明' ? '书记后备' : '两委委员后备',
      source: '返乡大学生',
      nominationMethod: '群众举荐',
      nominatedOn: '2026-02-10',
      villageReviewOn: '2026-02-20',
      townReviewOn: '2026-03-05',
    });
    ids[p.name] = reserve.id;
  }
  return { village, ids };
}

async function startOn(page: Page): Promise<void> {
  // The forms judge dates by the browser's calendar; keep it on the server's "today".
  await page.clock.install({ time: new Date(`${TODAY}T10:00:00+08:00`) });
  await page.clock.resume();
  await page.reload();
  await setUpTown(page, '多巴镇');
}

function villageRow(page: Page, village: Unit): Locator {
  return page.getByTestId('reserve-plan').getByRole('row').filter({ has: page.getByRole('link', { name: village.name, exact: true }) });
}

function listRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test.describe('后备人才设置与维护', () => {
  test.use({ serverOptions: { today: TODAY } });

  test('设置中把每村至少后备人数由 3 改为 4：计划页各村差额随之增加；列表项校验；恢复默认可撤销', async ({ app: page }) => {
    test.setTimeout(120_000);
    await startOn(page);
    const { village } = await threeReserves(page);
    await apiCall(page, 'reserves.remove', { id: (await apiCall<{ items: { id: number; name: string }[] }>(page, 'reserves.list', {})).items.find((r) => r.name === '韩春花')!.id });

    await page.getByRole('menuitem', { name: '后备人才' }).click();
    await page.getByRole('button', { name: '计划与经费' }).click();
    await expect(villageRow(page, village)).toContainText('2 / 3');
    await expect(villageRow(page, village)).toContainText('差 1 人');

    await page.getByRole('button', { name: '返回名册' }).click();
    await page.getByRole('button', { name: '设置' }).click();
    await expect(page.getByText('后备人才设置')).toBeVisible();
    const minPerVillage = page.getByLabel('每村至少后备人数');
    await expect(minPerVillage).toHaveValue('3');
    await expect(page.getByLabel('年度培训经费预算')).toHaveValue('20000.00');
    await minPerVillage.fill('4');

    // Leaving with the change unsaved asks first.
    await page.getByRole('button', { name: '返回名册' }).click();
    const discard = page.getByRole('dialog', { name: '放弃未保存的修改？' });
    // On a loaded machine a click during the dialog's opening animation can be lost (seen once in CI), as a
    // clerk's would be: click again until it closes.
    await expect(async () => {
      if (await discard.count()) await discard.getByRole('button', { name: '继续填写' }).click({ timeout: 2_000 });
      await expect(discard).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(minPerVillage).toHaveValue('4');

    // A list may not be emptied: the message stands at the list, and nothing is saved.
    const funding = page.getByTestId('tags-经费来源');
    for (const item of ['区县组织部专项经费', '乡镇自筹', '帮扶单位', '其他']) await funding.getByLabel(`删除经费来源“${item}”`).click();
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('经费来源至少要有一项')).toBeVisible();
    await page.getByLabel('新增经费来源').fill('乡镇自筹');
    await page.getByLabel('新增经费来源').press('Enter');
    await expect(funding).toContainText('乡镇自筹');
    // 书记后备 is what the plan counts: it cannot be removed.
    await expect(page.getByTestId('tags-岗位方向').getByLabel('删除岗位方向“书记后备”')).toHaveCount(0);
    await page.getByLabel('新增培养类型').fill('外出考察');
    await page.getByRole('button', { name: '添加培养类型' }).click();
    await expect(page.getByTestId('year-targets')).toContainText('外出考察');
    await expect(page.getByText('经费来源至少要有一项')).toHaveCount(0);

    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('后备人才设置已保存')).toBeVisible();
    await shot(page, 'reserve-settings');
    await page.getByRole('button', { name: '返回名册' }).click();
    await expect(page.getByRole('dialog', { name: '放弃未保存的修改？' })).toHaveCount(0);

    await page.getByRole('button', { name: '计划与经费' }).click();
    await expect(villageRow(page, village)).toContainText('2 / 4');
    await expect(villageRow(page, village)).toContainText('在库 2 人，少于 4 人（差 2 人）');

    // 恢复默认 asks, then puts 3 back; 撤销 brings the township's 4 again.
    await page.getByRole('button', { name: '返回名册' }).click();
    await page.getByRole('button', { name: '设置' }).click();
    await expect(page.getByLabel('每村至少后备人数')).toHaveValue('4');
    await page.getByRole('button', { name: '恢复默认' }).click();
    await page.getByRole('dialog', { name: '恢复默认设置？' }).getByRole('button', { name: '恢复默认' }).click();
    await expect(page.getByLabel('每村至少后备人数')).toHaveValue('3');
    await expect(page.getByTestId('tags-培养类型')).not.toContainText('外出考察');
    await page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByLabel('每村至少后备人数')).toHaveValue('4');
    await expect(page.getByTestId('tags-培养类型')).toContainText('外出考察');
  });

  test('修改培养记录的经费后按班次重新分摊；记录结业情况；培养记录与本人的扫描件', async ({ app: page }) => {
    test.setTimeout(120_000);
    await startOn(page);
    const { ids } = await threeReserves(page);
    await apiCall(page, 'reserves.addTraining', {
      type: '集中培训',
      title: '2026年第一期后备人才集中培训',
      startOn: '2026-04-10',
      endOn: '2026-04-12',
      hours: 24,
      costFen: 100001,
      fundingSource: '乡镇自筹',
      costItem: '集中培训',
      reserveIds: [ids['马文明'], ids['祁玉兰'], ids['韩春花']],
    });

    await page.getByRole('menuitem', { name: '后备人才' }).click();
    await listRow(page, '韩春花').getByRole('link', { name: '韩春花' }).click();
    await expect(page.getByTestId('reserve-name')).toHaveText('韩春花');
    const trainings = page.getByTestId('reserve-trainings');
    await expect(trainings).toContainText('333.33 元');

    await trainings.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog', { name: '修改培养记录：集中培训' });
    await expect(edit.getByLabel('班次名称')).toHaveValue('2026年第一期后备人才集中培训');
    // The form holds the whole class's cost, not this trainee's 333.33 share.
    await expect(edit.getByLabel('经费（元）')).toHaveValue('1000.01');
    await expect(edit).toContainText('整个班次 3 人的总经费');
    await edit.getByLabel('经费（元）').fill('1500.01');
    await expect(edit.getByTestId('resplit-preview')).toContainText('经费 1500.01 元 按班次 3 人重新分摊：500.01 元 × 1 人、500.00 元 × 2 人');
    await edit.getByRole('button', { name: '保存（Enter）' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByText('已修改培养记录：集中培训，本人分摊 500.00 元')).toBeVisible();
    await expect(trainings.getByRole('row').filter({ hasText: '2026年第一期' })).toContainText('500.00 元');

    // 结业情况 is this trainee's own.
    await trainings.getByRole('button', { name: '填写结业情况或证书编号' }).click();
    await trainings.getByRole('textbox').fill('已结业，证书 DB2026-003');
    await trainings.getByRole('textbox').press('Enter');
    await expect(page.getByText('已记录结业情况：已结业，证书 DB2026-003')).toBeVisible();
    await expect(trainings).toContainText('已结业，证书 DB2026-003');

    // The certificate hangs off the training record, the photo off the reserve.
    await trainings.getByRole('button', { name: /^附件 集中培训/ }).click();
    await trainings.locator('input[type=file]').setInputFiles({ name: '结业证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(trainings.locator('a', { hasText: '结业证书.pdf' })).toBeVisible();
    const header = page.getByTestId('reserve-header');
    // A real 1×1 PNG: attachments are checked by their content, not their name.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await header.locator('input[type=file]').setInputFiles({ name: '韩春花照片.png', mimeType: 'image/png', buffer: png });
    await expect(header.locator('a', { hasText: '韩春花照片.png' })).toBeVisible();
    await shot(page, 'reserve-person-maintained');

    // Another trainee of the class: the first takes the remainder.
    await page.getByRole('button', { name: '返回列表' }).click();
    await listRow(page, '马文明').getByRole('link', { name: '马文明' }).click();
    await expect(page.getByTestId('reserve-trainings')).toContainText('500.01 元');
    await expect(page.getByTestId('reserve-trainings')).toContainText('未填');
  });

  test('删除误建的后备人才，提示关闭后在“已删除”中恢复，名册中重新出现；村级事务删除可撤销', async ({ app: page }) => {
    await startOn(page);
    const { ids } = await threeReserves(page);
    await apiCall(page, 'reserves.addAffair', { date: '2026-05-08', affairType: '环境卫生', description: '人居环境整治', reserveIds: [ids['祁玉兰']] });

    await page.getByRole('menuitem', { name: '后备人才' }).click();
    await listRow(page, '祁玉兰').getByRole('link', { name: '祁玉兰' }).click();
    await page.getByRole('tab', { name: /村级事务/ }).click();
    const affairs = page.getByTestId('reserve-affairs');
    await affairs.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect(affairs).toContainText('暂无村级事务记录');
    await page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByText('已恢复村级事务记录')).toBeVisible();
    await expect(affairs).toContainText('人居环境整治');

    await page.getByTestId('reserve-header').getByRole('button', { name: '删除记录' }).click();
    await page.getByRole('dialog', { name: '删除祁玉兰的后备人才记录？' }).getByRole('button', { name: '删除记录' }).click();
    await expect(page.getByText('共 2 人')).toBeVisible();
    await expect(listRow(page, '祁玉兰')).toHaveCount(0);
    // The toast goes after its 8 seconds: the record is still recoverable.
    await expect(page.locator('.ant-message').getByRole('button', { name: '撤销' })).toBeVisible();
    await page.clock.fastForward(10_000);
    await expect(page.locator('.ant-message').getByRole('button', { name: '撤销' })).toHaveCount(0);

    await page.getByRole('button', { name: '已删除' }).click();
    const deleted = page.getByRole('dialog', { name: '已删除的后备人才记录' });
    const row = deleted.getByRole('row').filter({ hasText: '祁玉兰' });
    await expect(row).toContainText('在库');
    await row.getByRole('button', { name: '恢复' }).click();
    await expect(page.getByText('已恢复后备人才：祁玉兰')).toBeVisible();
    await expect(deleted).toContainText('没有已删除的后备人才记录');
    await deleted.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByText('共 3 人')).toBeVisible();
    await expect(listRow(page, '祁玉兰')).toBeVisible();
  });
});
