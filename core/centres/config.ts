/** The centres' settings, kept as one JSON value beside the unit settings. */
import type { LedgerContext } from '../context';
import { readJsonSetting, writeJsonSetting } from '../org/json-setting';
import { DEFAULT_CENTRE_CONFIG, centreConfig, type CentreConfig } from './config-schema';

const KEY = 'centres.config';

export function getCentreConfig(ctx: LedgerContext): CentreConfig {
  return readJsonSetting(ctx, KEY, centreConfig, DEFAULT_CENTRE_CONFIG, (s) => ({ ...DEFAULT_CENTRE_CONFIG, ...s }));
}

/** Changing the thresholds changes only what SQL compares; stored dates stay true, so nothing is recomputed. */
export function updateCentreConfig(ctx: LedgerContext, next: CentreConfig): CentreConfig {
  return writeJsonSetting(ctx, KEY, next, () => getCentreConfig(ctx), { entity: 'centre_config', summary: '修改服务中心标准与工期设置' });
}
