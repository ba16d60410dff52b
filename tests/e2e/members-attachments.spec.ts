/**
 * Scanned documents on a 发展档案: a recorded 流程节点, a 考察 row, the 政审 and a 函调 letter; plus the 政审's four
 * 审查内容 notes under the township's own part names. With LEDGER_SHOTS set it leaves pictures of each place.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, setUpTown, test, validIdNumber } from './fixtures';
import { fillDate, newFile, shot, stepDrawer } from './members-helpers';

const NAME = '韩小梅';

/** Just enough of a PDF for a viewer to accept; the ledger stores whatever bytes it is given. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The file names are antd Typography.Link without an href, so they carry no link role. */
function fileLink(scope: Locator, name: string): Locator {
  return scope.locator('a', { hasText: name });
}

async function upload(scope: Locator, name: string, mimeType = 'application/pdf'): Promise<void> {
  await scope.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: PDF });
  await expect(fileLink(scope, name)).toBeVisible();
}

async function openStep(page: Page, no: number): Promise<Locator> {
  await page.getByTestId(`step-${no}`).getByRole('button', { name: new RegExp(`^${no} `) }).click();
  const drawer = stepDrawer(page, no);
  await expect(drawer).toBeVisible();
  return drawer;
}

test.use({ serverOptions: { today: '2025-06-15' } });

test('发展档案的扫描件：流程节点、考察、政审、函调；政审审查内容', async ({ app: page }) => {
  test.setTimeout(120_000);
  await setUpTown(page, '多巴镇');

  // The township names its own 政审 parts; the 政审 page follows.
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('tab', { name: '单位设置' }).click();
  await page.getByLabel('一谈', { exact: true }).fill('谈心谈话');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('单位设置已保存')).toBeVisible();

  await newFile(page, { name: NAME, idNumber: validIdNumber('1996-08-12', '246'), search: '韩小', applied: '2024-03-01' });

  // A step not yet recorded has no row to hang scans on.
  const talk = await openStep(page, 2);
  await expect(talk.getByText('保存后可上传扫描件')).toBeVisible();
  await expect(talk.locator('input[type=file]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(talk).toBeHidden();

  // A recorded step: upload, and the file is still there after a reload.
  let step = await openStep(page, 1);
  await upload(step, '入党申请书.pdf');
  await expect(page.getByText('已上传：入党申请书.pdf')).toBeVisible();
  await shot(page, 'att-01-step-form');
  await page.reload();
  step = await openStep(page, 1);
  const link = fileLink(step, '入党申请书.pdf');
  await expect(link).toBeVisible();

  // In the browser the file opens in a new tab.
  const popup = page.waitForEvent('popup');
  await link.click();
  await (await popup).close();
  await expect(page.locator('.ant-message-error')).toHaveCount(0);

  await step.getByRole('button', { name: '删除附件 入党申请书.pdf' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(link).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(await openStep(page, 1).then((d) => fileLink(d, '入党申请书.pdf'))).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A 考察 row opens its own scans underneath.
  await page.getByRole('tab', { name: /考察与思想汇报/ }).click();
  const periodic = page.getByTestId('periodic-panel');
  await fillDate(periodic, '考察或思想汇报日期', '2024-09-01');
  await periodic.getByLabel('主要内容').fill('按时参加组织生活，表现积极');
  await periodic.getByRole('button', { name: '添加' }).click();
  await periodic.getByRole('button', { name: '附件 2024-09-01 考察' }).click();
  await upload(periodic, '考察登记表.pdf');
  await shot(page, 'att-02-periodic-row');

  // 政审: the part headings are the township's, and the four 审查内容 notes survive a reload.
  await page.getByRole('tab', { name: '政治审查' }).click();
  const review = page.getByTestId('review-form');
  await expect(review.getByText('一谈：谈心谈话')).toBeVisible();
  await expect(review.getByText('一报：报送材料')).toBeVisible();
  await expect(review.getByText('保存政治审查后可上传扫描件', { exact: false })).toBeVisible();
  const notes = ['拥护党的路线方针政策', '无政治历史问题', '遵纪守法，无违法违纪记录', '父母均为群众，无政治问题'];
  const boxes = [/^1\. 对党的理论/, /^2\. 政治历史/, /^3\. 遵纪守法/, /^4\. 直系亲属/];
  for (const [i, note] of notes.entries()) await review.getByLabel(boxes[i]!).fill(note);
  await review.getByRole('button', { name: '保存政治审查' }).click();
  await expect(page.getByText('已保存政治审查')).toBeVisible();
  await page.reload();
  for (const [i, note] of notes.entries()) await expect(page.getByTestId('review-form').getByLabel(boxes[i]!)).toHaveValue(note);

  // Once saved, the 政审 takes scans, and so does each 函调 letter.
  await upload(page.getByTestId('review-form').locator('.ant-card', { hasText: '政审材料扫描件' }), '政审结论.pdf');
  const letters = page.getByTestId('letters');
  await fillDate(letters, '函调日期', '2024-10-10');
  await letters.getByLabel('函调单位').fill('多巴镇派出所');
  await letters.getByRole('button', { name: '添加' }).click();
  await letters.getByRole('button', { name: '附件 函调 多巴镇派出所' }).click();
  await upload(letters, '函调回函.pdf');
  await page.getByText('已上传：函调回函.pdf').waitFor({ state: 'hidden' });
  await shot(page, 'att-03-review');
  await page.mouse.wheel(0, 5000);
  await shot(page, 'att-04-review-bottom');
});
