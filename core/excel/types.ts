/**
 * The shapes a report hands to the builder. A leaf file: the builder, the machine-readable copy and every
 * report import these types from here, so none of them has to import another back.
 */
import type { Align, ColumnType } from './styles';

export type CellInput = string | number | null | undefined;

/** The paper a report prints on; the wide 全程纪实台账 defaults to A3 (offices print it that way). */
export type Paper = 'A4' | 'A3';

export interface ReportColumn {
  key: string;
  /** Header levels top to bottom, e.g. ['年龄', '25岁及以下']; adjacent columns sharing a parent merge. */
  header: string | string[];
  /** Fixed width in Excel units; otherwise measured from the header leaf and the data. */
  width?: number;
  /** `date` values are 'YYYY-MM-DD' strings; `money` values are 元 (callers convert from 分); `percent` is 0..1. */
  type?: ColumnType;
  total?: 'sum' | false;
  align?: Align;
  /**
   * A coded column: rows carry the code, the printed sheet shows `codes[code]`, `_data` keeps the code and
   * `_meta` lists the labels, so the district merges on codes rather than on wording.
   */
  codes?: Record<string, string>;
  /** Only in the machine-readable copy (e.g. the stage number behind a printed status text). */
  dataOnly?: boolean;
  /**
   * The key of the column this one is part of ("其中：推优" of 共青团员), so a reader summing columns does not
   * count it twice. Defaults to the preceding column of the same group when the header reads "其中…".
   */
  subsetOf?: string;
}

export interface ReportTotals {
  label: string;
  /** The column that carries the label (usually 序号 or the first text column). */
  labelKey: string;
  /** Fixed cells of the totals row for what is not a plain sum, e.g. { name: '12 人' }. */
  values?: Record<string, CellInput>;
}

export interface ReportSheet {
  sheetName: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, CellInput>[];
  totals?: ReportTotals | false;
  /**
   * Columns that identify a row (序号, 姓名 …): kept in view when scrolling sideways and printed again on every
   * page when the sheet spreads over several pages across.
   */
  freezeColumns?: number;
  /**
   * For a sub-row such as "其中：外出务工经商人员", the label of the row it is part of; null for a row that
   * counts on its own. Defaults to: a row whose label reads "其中…" is part of the nearest row above that does not.
   */
  subsetOf?: (row: Record<string, CellInput>, index: number) => string | null | undefined;
  /** The 栏次 row of a 党内统计 form, one label per column ('甲', '1' …), printed as the last header row. */
  columnNumbers?: string[];
  /** Note lines under the table (e.g. which date counts), before the signature line. */
  notes?: string[];
  /**
   * A printed row that is not a record, such as a district roster's 小计 under each township: printed, but left
   * out of `_data` (whose readers sum the records themselves).
   */
  printOnly?: (row: Record<string, CellInput>, index: number) => boolean;
}

/** Who made a file and for which area, for `_meta` (docs/data-format.md); absent fields are written empty. */
export interface FileOrigin {
  /** The area the file covers: a township's own export, a district's merge, or a city's merge of districts. */
  level: 'town' | 'county' | 'city';
  /** The area's name and 行政区划代码 (9 digits for a township, 6 for a district), '' / null where unknown. */
  areaName: string;
  areaCode: string | null;
  townName: string;
  townCode: string | null;
  countyName: string;
  countyCode: string | null;
  appVersion: string;
  /** When the file was written, ISO 8601 with the offset. */
  generatedAt: string;
  /** Fingerprint of the county key the `idNumberKey` column was made with; null when no key is set. */
  idKeyId: string | null;
  /** Whether 公民身份号码 are masked in the file (null where the report has none). */
  masked: boolean | null;
}

export interface ReportMeta {
  /** 填报单位 */
  unitName: string;
  /** 统计时段, e.g. "2026-01-01 至 2026-11-27" or "截至 2026-11-27". */
  period?: string;
  /** The period as dates, for the machine-readable copy ("截至" reports have only an end). */
  periodFrom?: string;
  periodTo?: string;
  /** 填报日期, YYYY-MM-DD */
  filledDate: string;
  fillerName: string;
  reviewerName: string;
  phone: string;
  fonts: { title: string; header: string; body: string };
  /** Written into the hidden _meta sheet so the district can tell which report a file is. */
  reportId?: string;
  /** Defaults to A4. */
  paper?: Paper;
  /** For `_meta`: which township (or district) made the file. */
  origin?: FileOrigin;
}
