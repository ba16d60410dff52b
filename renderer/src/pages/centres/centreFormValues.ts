/** The 服务中心 form's values and their conversion to and from the contract's shapes. */
import dayjs, { type Dayjs } from 'dayjs';
import type { MethodInput } from '../../../../core/api/contract';
import { DECISION_STEPS, type RenovationType } from '../../../../core/centres/codes';
import { formatYuan, parseYuan } from '../../../../core/centres/money';
import { iso } from './labels';
import type { CentreDetail } from './types';

type Step = (typeof DECISION_STEPS)[number];

export interface CentreFormValues {
  unitId: number | null;
  name?: string | null;
  currentArea: number | null;
  buildYear: number | null;
  isDangerous: boolean;
  isOld: boolean;
  isCramped: boolean;
  isSmall: boolean;
  conditionNote?: string | null;
  renovationType: RenovationType | null;
  targetArea: number | null;
  hallArea: number | null;
  rooms: { name?: string; area?: number | null }[];
  contractor?: string | null;
  leaderName?: string | null;
  leaderPhone?: string | null;
  responsibleName?: string | null;
  responsiblePhone?: string | null;
  decisionDates: Partial<Record<Step, Dayjs | null>>;
  requiredOn: Dayjs | null;
  /** 总投资 as typed, in 元. */
  total?: string;
  /** The split by 资金来源, as typed in 元; blank is nothing from that source. */
  funds: Record<string, string | undefined>;
  assetRegisteredOn: Dayjs | null;
  notEncumbered: boolean;
  note?: string | null;
}

/** Every top-level field the server may name in an error (its totalFen is the form's total). */
export const FORM_FIELDS = [
  'unitId',
  'name',
  'currentArea',
  'buildYear',
  'conditionNote',
  'renovationType',
  'targetArea',
  'hallArea',
  'rooms',
  'contractor',
  'leaderName',
  'leaderPhone',
  'responsibleName',
  'responsiblePhone',
  'requiredOn',
  'total',
  'funds',
  'assetRegisteredOn',
  'notEncumbered',
  'note',
] as const satisfies readonly (keyof CentreFormValues)[];

/** The server's field names as the form's: totalFen is typed as 元, a 四议两公开 date by its step. */
type FieldError = { name: string | string[]; errors: string[] };

export function formFieldErrors(fields: Record<string, string> | undefined): FieldError[] {
  return Object.entries(fields ?? {}).flatMap(([key, msg]): FieldError[] => {
    if (key === 'totalFen') return [{ name: 'total', errors: [msg] }];
    if (key === 'decisionDates') {
      const step = DECISION_STEPS.find((s) => msg.startsWith(s));
      return step ? [{ name: ['decisionDates', step], errors: [msg] }] : [];
    }
    if (key === 'milestones') return [{ name: 'requiredOn', errors: [msg] }];
    return (FORM_FIELDS as readonly string[]).includes(key) ? [{ name: key, errors: [msg] }] : [];
  });
}

export function emptyValues(): CentreFormValues {
  return {
    unitId: null,
    currentArea: null,
    buildYear: null,
    isDangerous: false,
    isOld: false,
    isCramped: false,
    isSmall: false,
    renovationType: null,
    targetArea: null,
    hallArea: null,
    rooms: [],
    decisionDates: {},
    requiredOn: null,
    funds: {},
    assetRegisteredOn: null,
    notEncumbered: false,
  };
}

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);

export function valuesOf(d: CentreDetail): CentreFormValues {
  const f = d.facts;
  return {
    unitId: f.unitId,
    name: f.name,
    currentArea: f.currentArea ?? null,
    buildYear: f.buildYear ?? null,
    isDangerous: f.isDangerous ?? false,
    isOld: f.isOld ?? false,
    isCramped: f.isCramped ?? false,
    isSmall: f.isSmall ?? false,
    conditionNote: f.conditionNote,
    renovationType: f.renovationType,
    targetArea: f.targetArea ?? null,
    hallArea: f.hallArea ?? null,
    rooms: (f.rooms ?? []).map((r) => ({ name: r.name, area: r.area ?? null })),
    contractor: f.contractor,
    leaderName: f.leaderName,
    leaderPhone: f.leaderPhone,
    responsibleName: f.responsibleName,
    responsiblePhone: f.responsiblePhone,
    decisionDates: Object.fromEntries(Object.entries(f.decisionDates ?? {}).map(([k, v]) => [k, day(v)])),
    requiredOn: day(f.requiredOn),
    total: formatYuan(f.totalFen ?? 0),
    funds: Object.fromEntries((f.funds ?? []).map((x) => [x.source, formatYuan(x.fen)])),
    assetRegisteredOn: day(f.assetRegisteredOn),
    notEncumbered: f.notEncumbered ?? false,
    note: f.note,
  };
}

/** Typed 元 as 分: blank is 0, text that is not money is null. */
export function fenOf(text: string | undefined): number | null {
  return text?.trim() ? parseYuan(text) : 0;
}

/** The split's sum and how far it is from the total, for the live 合计/差额 line; null parts are unreadable. */
export function splitSums(total: string | undefined, funds: Record<string, string | undefined> | undefined) {
  const totalFen = fenOf(total);
  const parts = Object.values(funds ?? {}).map(fenOf);
  const readable = parts.every((p) => p !== null) && totalFen !== null;
  const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  return { readable, sumFen: sum, totalFen: totalFen ?? 0, diffFen: sum - (totalFen ?? 0) };
}

const text = (v: string | null | undefined) => v?.trim() || null;

/** The fields both centres.create and centres.update take. */
export function toFacts(v: CentreFormValues): Omit<MethodInput<'centres.create'>, 'milestones'> {
  const decisionDates: Partial<Record<Step, string>> = {};
  for (const step of DECISION_STEPS) {
    const d = iso(v.decisionDates?.[step]);
    if (d) decisionDates[step] = d;
  }
  return {
    unitId: v.unitId!,
    name: text(v.name),
    currentArea: v.currentArea,
    buildYear: v.buildYear,
    isDangerous: v.isDangerous,
    isOld: v.isOld,
    isCramped: v.isCramped,
    isSmall: v.isSmall,
    conditionNote: text(v.conditionNote),
    renovationType: v.renovationType!,
    targetArea: v.targetArea,
    hallArea: v.hallArea,
    rooms: (v.rooms ?? []).filter((r) => r.name?.trim()).map((r) => ({ name: r.name!.trim(), area: r.area ?? null })),
    contractor: text(v.contractor),
    leaderName: text(v.leaderName),
    leaderPhone: text(v.leaderPhone),
    responsibleName: text(v.responsibleName),
    responsiblePhone: text(v.responsiblePhone),
    decisionDates,
    requiredOn: iso(v.requiredOn)!,
    totalFen: fenOf(v.total) ?? 0,
    funds: Object.entries(v.funds ?? {})
      .map(([source, t]) => ({ source, fen: fenOf(t) ?? 0 }))
      .filter((f) => f.fen > 0),
    assetRegisteredOn: iso(v.assetRegisteredOn),
    notEncumbered: v.notEncumbered,
    note: text(v.note),
  };
}
