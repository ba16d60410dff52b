/**
 * What every export says about where it comes from (`_meta`, docs/data-format.md), and the keyed hash of ID
 * numbers. Light on purpose: core/reports/meta.ts imports it for every report, so it loads no Excel code.
 */
import { createHash, createHmac } from 'node:crypto';
import dayjs from 'dayjs';
import type { LedgerContext } from '../context';
import type { FileOrigin } from '../excel/types';
import { seedCountyCode, seedTownCode } from '../org/seed';
import { getSettings } from '../org/settings';
import { APP_VERSION } from '../version';

/** The township (or, in 区县 mode, the county) a file is made by, with the 行政区划代码 the seed list knows. */
export function fileOrigin(ctx: LedgerContext): FileOrigin {
  const s = getSettings(ctx);
  const county = s.countyName.trim();
  const town = s.mode === 'county' ? '' : s.townName.trim();
  const countyCode = seedCountyCode(county);
  const townCode = town ? seedTownCode(town) : null;
  return {
    level: s.mode === 'county' ? 'county' : 'town',
    areaName: town || county,
    areaCode: town ? townCode : countyCode,
    townName: town,
    townCode,
    countyName: county,
    countyCode,
    appVersion: APP_VERSION,
    generatedAt: dayjs(ctx.now()).format('YYYY-MM-DDTHH:mm:ssZ'),
    idKeyId: s.countyKey ? keyId(s.countyKey) : null,
    masked: null,
  };
}

/** A short fingerprint of the county key: two files made with the same key carry the same one. */
export function keyId(key: string): string {
  return createHash('sha256').update(`ledger-id-key|${key}`).digest('hex').slice(0, 12);
}

/**
 * HMAC-SHA256(county key, ID number) as hex, for the `idNumberKey` column; null without a key or a number. The number
 * is upper-cased (a final x and X are the same number), so every township of the county gets the same hash for one person.
 */
export function keyedIdHash(key: string, idNumber: string | null | undefined): string | null {
  const id = idNumber?.trim().toUpperCase();
  if (!key || !id) return null;
  return createHmac('sha256', key).update(id).digest('hex');
}

/** The hasher the roster reports use: reads the key once per export. */
export function idHasher(ctx: LedgerContext): (idNumber: string | null | undefined) => string | null {
  const key = getSettings(ctx).countyKey;
  return (id) => keyedIdHash(key, id);
}
