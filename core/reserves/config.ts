/** The reserve register's settings, kept as one JSON value beside the unit settings. */
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import { readJsonSetting, writeJsonSetting } from '../org/json-setting';
import { DEFAULT_RESERVE_CONFIG, reserveConfig, type ReserveConfig } from './config-schema';

const KEY = 'reserves.config';

export function getReserveConfig(ctx: LedgerContext): ReserveConfig {
  const d = DEFAULT_RESERVE_CONFIG;
  return readJsonSetting(ctx, KEY, reserveConfig, d, (s) => ({ ...d, ...s, plan: { ...d.plan, ...s.plan }, eligibility: { ...d.eligibility, ...s.eligibility } }));
}

export function updateReserveConfig(ctx: LedgerContext, next: z.output<typeof reserveConfig>): ReserveConfig {
  return writeJsonSetting(ctx, KEY, next, () => getReserveConfig(ctx), { entity: 'reserve_config', summary: '修改后备人才计划与设置' });
}
