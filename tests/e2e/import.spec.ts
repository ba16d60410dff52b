/**
 * 数据导入 in the browser, as a clerk brings in a village's own roster: a merged title, a 填报单位 line, headers
 * written their way (one the ledger cannot place, mapped by hand), one new person, one already in the 人员库, one
 * with a wrong check digit and one from a village the township does not have. Then the import, the person in the
 * 人员库, 撤销本次导入, and the refusal to undo once an imported record has been edited.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiCall } from './api';
import { expect, pickOption, setUpTown, test, validIdNumber } from './fixtures';

interface Unit {
  id: number;
  name: string;
}

const NEW_ID = validIdNumber('1990-05-01', '315');
const KNOWN_ID = validIdNumber('1985-03-08', '224');
const GOOD = validIdNumber('1988-07-16', '131');
/** The same number with a check character that does not fit. */
const BAD_ID = GOOD.slice(0, 17) + (GOOD.endsWith('1') ? '2' : '1');
const STRAY_ID = validIdNumber('1992-11-20', '437');

/** A roster the way villages send them in; 最高文化 is a heading the ledger does not recognise as 学历. */
async function messyRoster(village: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow([`${village}人员花名册`]);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位：多巴镇党委', null, null, null, null, '填报日期：2026年5月']);
  ws.mergeCells('A2:E2');
  ws.addRow(['序号', '姓 名', '性别', '民族', '身份证号码', '出生年月', '最高文化', '所在村']);
  ws.addRow([1, '张新民', '男', '汉族', NEW_ID, '1990.05', '大专', village]);
  ws.addRow([2, '李秀珍', '女', '汉', KNOWN_ID, '1985.03.08', '大学本科', village]);
  ws.addRow([3, '王错号', '男', '回族', BAD_ID, '1988.07.16', '高中', village]);
  ws.addRow([4, '赵外村', '男', '汉族', STRAY_ID, '1992.11.20', '识字', '不存在村']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<void> {
  await page.getByTestId('import-choose').locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

/** The whole page (the import steps run long), saved only when LEDGER_SHOTS names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.LEDGER_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

function previewRow(page: Page, name: string): Locator {
  return page.getByTestId('import-rows').getByRole('row').filter({ hasText: name });
}

test.describe('数据导入', () => {
  test.use({ serverOptions: { today: '2026-05-20' } });

  test('不规范的花名册：找到表头、手动对应一列、看错误、只导入无误的行、撤销', async ({ app: page }, testInfo) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(err.message));
    await setUpTown(page, '多巴镇');
    const village = (await apiCall<Unit[]>(page, 'org.listUnits', {}))[0]!;
    await apiCall(page, 'people.create', { name: '李秀珍', idNumber: KNOWN_ID, ethnicity: '01', education: '21', unitId: village.id });

    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await expect(page.getByTestId('import-batches')).toContainText('暂无导入记录');
    await shot(page, 'import-1-choose');
    await upload(page, '多巴一村花名册.xlsx', await messyRoster(village.name));

    // The header is found under the title and the 填报单位 line; every column but two is placed.
    await expect(page.getByTestId('import-header-found')).toHaveText('工作表“花名册”，第 3 行是表头');
    await expect(page.getByTestId('job-state').first()).toHaveText('已完成');
    const counts = page.getByTestId('import-counts');
    await expect(counts).toContainText(/新增\s*1/);
    await expect(counts).toContainText(/跳过\s*1/);
    await expect(counts).toContainText(/错误\s*2/);
    const mapping = page.getByTestId('import-mapping');
    await expect(mapping.getByRole('row').filter({ hasText: '身份证号码' })).toContainText('公民身份号码');
    await expect(mapping.getByRole('row').filter({ hasText: '所在村' })).toContainText('所在村（社区）');
    await expect(mapping.getByRole('row').filter({ hasText: '最高文化' })).toContainText('不导入');

    // Each problem names its column, what the cell says, and what is wrong; the month-only date is a grey note.
    await expect(previewRow(page, '王错号')).toContainText(`列 E（身份证号码）「${BAD_ID}」：公民身份号码有误`);
    await expect(previewRow(page, '赵外村')).toContainText('列 H（所在村）「不存在村」：村（社区）“不存在村”不在本乡镇的村（社区）中');
    await expect(previewRow(page, '赵外村')).not.toContainText('最高文化');
    await expect(previewRow(page, '张新民')).toContainText('新增');
    await expect(previewRow(page, '张新民')).toContainText('列 F（出生年月）「1990.05」：仅到月');
    await expect(previewRow(page, '李秀珍')).toContainText('跳过');
    await shot(page, 'import-2-preview');

    // 最高文化 mapped to 学历 by hand: the file is judged again and the column is now read.
    await pickOption(page, mapping.getByRole('combobox', { name: '列 G 导入为' }), '学历');
    await expect(mapping.getByRole('row').filter({ hasText: '最高文化' })).toContainText('学历');
    await expect(previewRow(page, '赵外村')).toContainText('列 G（最高文化）「识字」：学历“识字”无法识别');
    await expect(counts).toContainText(/新增\s*1/);
    await expect(counts).toContainText(/跳过\s*1/);

    // The counts filter the rows.
    await counts.getByText('错误').click();
    await expect(page.getByTestId('import-rows').locator('tbody tr')).toHaveCount(2);
    await expect(previewRow(page, '张新民')).toHaveCount(0);
    await shot(page, 'import-3-errors');

    // 下载错误说明: the file back with a 错误说明 column, read as the clerk would open it.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载错误说明' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('多巴一村花名册（错误说明）.xlsx');
    const reportPath = join(testInfo.outputDir, 'errors.xlsx');
    await download.saveAs(reportPath);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(readFileSync(reportPath) as unknown as ArrayBuffer);
    const texts = JSON.stringify(report.worksheets[0]!.getSheetValues());
    expect(texts).toContain('错误说明');
    expect(texts).toContain('不存在村');

    // 全部无误才导入 is not offered while rows have errors; 只导入无误的行, confirmed with the counts.
    const commitStep = page.getByTestId('import-commit');
    await expect(commitStep.getByRole('radio', { name: /全部无误才导入/ })).toBeDisabled();
    await expect(commitStep).toContainText('还有 2 行错误');
    await commitStep.getByRole('button', { name: /导入 1 条/ }).click();
    const confirm = page.getByRole('dialog', { name: '确认导入' });
    await expect(confirm).toContainText('将新增 1 条、更新 0 条；1 条与台账相同，跳过；2 行有错误，不导入');
    await confirm.getByRole('button', { name: '开始导入' }).click();
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('导入完成');
    await expect(result.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('1');
    await expect(result.locator('.ant-statistic').filter({ hasText: '跳过' })).toContainText('1');
    await expect(page.getByTestId('import-batches').getByRole('row').filter({ hasText: '多巴一村花名册.xlsx' })).toContainText('撤销');
    await shot(page, 'import-4-result');

    // The new person is in the 人员库, with the 学历 read from the hand-mapped column.
    await page.getByRole('menuitem', { name: '人员库' }).click();
    const person = page.getByRole('row').filter({ hasText: '张新民' });
    await expect(person).toContainText('大学专科');
    await expect(person).toContainText(village.name);
    await expect(page.getByRole('row').filter({ hasText: '王错号' })).toHaveCount(0);

    // 撤销本次导入 from the batch list (the page was left, so the result panel is gone): the person goes again.
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    const batch = page.getByTestId('import-batches').getByRole('row').filter({ hasText: '多巴一村花名册.xlsx' });
    await batch.getByRole('button', { name: /撤销导入/ }).click();
    const ask = page.getByRole('dialog', { name: /撤销导入“多巴一村花名册.xlsx”/ });
    await expect(ask).toContainText('将删除本次新增的 1 条记录');
    await ask.getByRole('button', { name: '撤销导入' }).click();
    await expect(batch).toContainText('已撤销');
    await page.getByRole('menuitem', { name: '人员库' }).click();
    await expect(page.getByRole('row').filter({ hasText: '李秀珍' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '张新民' })).toHaveCount(0);
    expect(errors, '浏览器控制台没有报错').toEqual([]);
  });

  test('导入后又修改过的记录阻止撤销，并说明原因；结果页的“撤销本次导入”', async ({ app: page }) => {
    await setUpTown(page, '多巴镇');
    const village = (await apiCall<Unit[]>(page, 'org.listUnits', {}))[0]!;
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await upload(page, '花名册.xlsx', await messyRoster(village.name));
    await expect(page.getByTestId('import-counts')).toContainText(/新增\s*2/);
    await page.getByTestId('import-commit').getByRole('button', { name: /导入 2 条/ }).click();
    await page.getByRole('dialog', { name: '确认导入' }).getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByTestId('import-result')).toContainText('导入完成');

    // Someone corrects one of the imported people before the undo.
    const found = await apiCall<{ items: { id: number; name: string }[] }>(page, 'people.list', { pageSize: 20 });
    const zhang = found.items.find((p) => p.name === '张新民')!;
    await apiCall(page, 'people.update', { id: zhang.id, name: '张新民', idNumber: NEW_ID, ethnicity: '01', unitId: village.id, phone: '13800000000' });

    await page.getByTestId('import-result').getByRole('button', { name: '撤销本次导入' }).click();
    await page.getByRole('dialog', { name: /撤销导入/ }).getByRole('button', { name: '撤销导入' }).click();
    const refusal = page.getByRole('dialog', { name: '无法撤销本次导入' });
    await expect(refusal).toContainText('导入之后有 1 条记录又被修改过');
    await shot(page, 'import-5-undo-refused');
    await refusal.getByRole('button', { name: '知道了' }).click();
    await expect(page.getByTestId('import-result')).toContainText('导入完成');
    await expect(page.getByTestId('import-batches').getByRole('row').filter({ hasText: '花名册.xlsx' })).not.toContainText('已撤销');
  });

  test('不是 Excel 的文件和旧版 .xls 被拒绝，并说明怎么办；空白模板可下载', async ({ app: page }) => {
    await setUpTown(page, '多巴镇');
    await page.getByRole('menuitem', { name: '数据导入' }).click();

    await upload(page, '名单.csv', Buffer.from('姓名,身份证号\n张三,630122199001011234\n', 'utf8'), 'text/csv');
    const refusal = page.getByTestId('import-preview-error');
    await expect(refusal).toContainText('这不是 Excel（.xlsx）文件。');
    await expect(refusal).toContainText('请用 WPS/Excel 另存为 .xlsx 后重试');
    await shot(page, 'import-6-refused');

    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await upload(page, '旧表.xls', ole, 'application/vnd.ms-excel');
    await expect(refusal).toContainText('这是旧版 .xls 文件或加密的文件，台账只能读取 .xlsx。');
    await expect(refusal).toContainText('“另存为” .xlsx');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);

    await page.getByTestId('import-choose').getByText('发展党员台账', { exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载空白模板' }).click();
    expect((await downloading).suggestedFilename()).toBe('发展党员台账导入模板.xlsx');
  });

  test('所在村不在本乡镇：行内可直接新增该村，重新检查后该行可以导入', async ({ app: page }) => {
    await setUpTown(page, '多巴镇');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '民族', '身份证号码', '所在村']);
    ws.addRow(['赵外村', '汉族', STRAY_ID, '新建村委会']);
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await upload(page, '新村.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(previewRow(page, '赵外村')).toContainText('村（社区）“新建村委会”不在本乡镇的村（社区）中');
    await previewRow(page, '赵外村').getByRole('button', { name: '新增该村' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '新增村“新建村”' });
    await confirm.getByRole('button', { name: '新增并重新检查' }).click();
    await expect(previewRow(page, '赵外村')).toContainText('新增');
    await expect(page.getByTestId('import-counts')).toContainText(/新增\s*1/);
    const units = await apiCall<Unit[]>(page, 'org.listUnits', {});
    expect(units.map((u) => u.name)).toContain('新建村');
  });

  test('必填列没能自动对应：在对照表中指定后重新检查', async ({ app: page }) => {
    await setUpTown(page, '多巴镇');
    const village = (await apiCall<Unit[]>(page, 'org.listUnits', {}))[0]!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '民族', '证号', '所在村']);
    ws.addRow(['张新民', '汉族', NEW_ID, village.name]);
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await upload(page, '证号.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(page.getByTestId('import-preview-error')).toContainText('缺少必填列：公民身份号码');
    const table = page.getByTestId('import-unmatched');
    await pickOption(page, table.getByRole('combobox', { name: '列 C 导入为' }), '公民身份号码');
    await expect(previewRow(page, '张新民')).toContainText('新增');
  });
});
