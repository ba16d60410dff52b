/**
 * 年度汇总 on the demo township (issue 12 §4), as a clerk uses it at year end: the figures on 首页, one of them opened
 * to the names behind it, a year-end sentence copied, and the 汇总表 exported from 报表中心 with the same figures.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readWorkbook, sheetByName } from '../../core/excel/read';
import type { SummaryOut } from '../../core/summary/schemas';
import { apiCall } from './api';
import { expect, test } from './fixtures';
import { shot } from './members-helpers';

test.describe('年度汇总', () => {
  test.use({ serverOptions: { demo: true } });

  test('首页显示各模块主要数字，点开即为对应名单；年度总结表述可复制；报表中心导出汇总表', async ({ app: page }, testInfo) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

    const panel = page.getByTestId('home-summary');
    await expect(panel).toBeVisible();
    const summary = await apiCall<SummaryOut>(page, 'summary.figures', {});
    const admitted = summary.figures.find((f) => f.key === 'members.admitted')!;
    const pool = summary.figures.find((f) => f.key === 'reserves.pool')!;
    expect(admitted.value).toBeGreaterThan(0);
    const admittedButton = panel.getByTestId('summary-members.admitted');
    await expect(admittedButton).toContainText(`新接收预备党员${admitted.value}人`);
    await expect(panel.getByTestId('summary-reserves.pool')).toContainText(`在库后备人才${pool.value}人`);
    await expect(panel.getByTestId('summary-centres.total')).toBeVisible();
    await expect(panel.getByTestId('summary-people.total')).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'summary-home');

    // The figure opens the 发展党员 list filtered to the same files: approved (节点17) in the period.
    await admittedButton.click();
    await expect(page).toHaveURL(/#\/members\?step=17&stepFrom=\d{4}-01-01&stepTo=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId('member-step-filter')).toContainText('上级党委审批');
    await expect(page.getByText(`共 ${admitted.value} 人`)).toBeVisible();

    // A reserve figure opens the 后备人才 list on the same filter.
    await page.goBack();
    await panel.getByTestId('summary-reserves.pool').click();
    await expect(page).toHaveURL(/#\/reserves\?status=/);
    await expect(page.getByText(`共 ${pool.value} 人`)).toBeVisible();

    // 年度总结: the sentences, each with 复制; what lands on the clipboard is the sentence itself.
    await page.goBack();
    await panel.getByRole('tab', { name: '年度总结' }).click();
    const first = summary.sentences[0]!;
    expect(first.text).toContain(`储备村级后备干部${pool.value}名`);
    const item = panel.getByTestId(`summary-sentence-${first.key}`);
    await expect(item).toContainText(first.text);
    await shot(page, 'summary-sentences');
    await item.getByRole('button', { name: /复制/ }).click();
    await expect(page.getByText('已复制，可粘贴到年度工作总结中')).toBeVisible();
    // The page's own clipboard (the node side has no DOM types).
    const pasted = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(pasted).toBe(first.text);

    // 报表中心: the 汇总表 downloads with both sheets and the figures the panel showed.
    await page.getByRole('menuitem', { name: '报表中心' }).click();
    const card = page.getByTestId('report-summary');
    await expect(card).toContainText('基层党建工作汇总表');
    const downloading = page.waitForEvent('download');
    await card.getByRole('button', { name: /导出 Excel/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^基层党建工作汇总表.*\.xlsx$/);
    const file = join(testInfo.outputDir, download.suggestedFilename());
    await download.saveAs(file);
    const book = await readWorkbook(readFileSync(file));
    expect(book.sheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['汇总', '年度工作总结数据']);
    const [keys, ...rows] = sheetByName(book, '_data').rows;
    const at = (key: string) => rows.find((r) => r[keys!.indexOf('key')] === key && r[keys!.indexOf('sheet')] === '汇总')?.[keys!.indexOf('value')];
    expect(at('members.admitted')).toBe(admitted.value);
    expect(at('reserves.pool')).toBe(pool.value);
    const sentences = rows.map((r) => r[keys!.indexOf('sentence')]).filter(Boolean);
    expect(sentences).toEqual(summary.sentences.map((s) => s.text));
    expect(errors).toEqual([]);
  });
});
