/**
 * The mapping a clerk settled for a form, remembered by the form's header signature (a hash of its normalised
 * header texts), so next month's copy of the same form opens with the same columns filled the same way. One
 * settings value per form (core/org/json-setting.ts), audited like every other setting.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LedgerContext } from '../context';
import { readJsonSetting, writeJsonSetting } from '../org/json-setting';
import { formMapping } from './schemas';

const remembered = z.object({
  title: z.string(),
  reportId: z.string(),
  mapping: formMapping,
  savedAt: z.string(),
});
export type RememberedMapping = z.infer<typeof remembered>;

const NONE = { title: '', reportId: '', mapping: {}, savedAt: '' } satisfies RememberedMapping;

export function formSignature(headerTexts: string): string {
  return createHash('sha256').update(headerTexts).digest('hex').slice(0, 16);
}

const keyOf = (signature: string) => `forms.mapping.${signature}`;

export function readMapping(ctx: LedgerContext, signature: string): RememberedMapping | null {
  const found = readJsonSetting(ctx, keyOf(signature), remembered, NONE, (s) => s);
  return found.reportId ? found : null;
}

export function saveMapping(ctx: LedgerContext, signature: string, value: RememberedMapping): void {
  const before = readMapping(ctx, signature);
  if (before && before.reportId === value.reportId && JSON.stringify(before.mapping) === JSON.stringify(value.mapping)) return;
  writeJsonSetting(ctx, keyOf(signature), value, () => readMapping(ctx, signature) ?? NONE, {
    entity: 'form_mapping',
    summary: `记住上级表格“${value.title || '未命名表格'}”的列对应关系`,
  });
}
