/** The 设置 form's values are the stored centres.config itself; this checks them with the contract's schema. */
import type { FormInstance } from 'antd';
import { centreConfig, type CentreConfig } from '../../../../core/centres/config-schema';

export type SettingsValues = CentreConfig;

type FieldError = Parameters<FormInstance<SettingsValues>['setFields']>[0][number];
export type Checked = { ok: true; config: CentreConfig } | { ok: false; fields: Record<string, string> };

export function toValues(c: CentreConfig): SettingsValues {
  return structuredClone(c);
}

/** The values as the contract takes them, checked so the page says at each field what the core would refuse. */
export function toConfig(v: SettingsValues): Checked {
  const parsed = centreConfig.safeParse(v);
  if (parsed.success) return { ok: true, config: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return { ok: false, fields };
}

/** "fundingSources.2" → the list, "milestones.3.days" → that row's box, "thresholds.severeDays" → its box. */
function fieldOf(path: string): (string | number)[] | null {
  const parts = path.split('.');
  const head = parts[0]!;
  if (head === 'fundingSources' || head === 'rooms') return [head];
  if (head === 'milestones') return parts.length === 3 ? ['milestones', Number(parts[1]), parts[2]!] : ['milestones'];
  if (head === 'calendar' && parts[1]) return ['calendar', parts[1]];
  if ((head === 'standards' || head === 'thresholds') && parts[1]) return [head, parts[1]];
  return null;
}

/** Field errors (the page's own check or the server's) as antd form errors; the rest is left to the toast. */
export function settingsFieldErrors(fields: Record<string, string> | undefined): FieldError[] {
  return Object.entries(fields ?? {}).flatMap(([path, msg]) => {
    const name = fieldOf(path);
    return name ? [{ name: name as FieldError['name'], errors: [msg] }] : [];
  });
}
