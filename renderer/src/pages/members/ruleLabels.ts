/** Chinese names for the rule table's threshold keys, with the unit a clerk types them in. */
export const THRESHOLD_LABELS: Record<string, { label: string; unit: string; step?: number }> = {
  age: { label: '年龄', unit: '岁' },
  months: { label: '期限', unit: '月' },
  years: { label: '期限', unit: '年' },
  count: { label: '人数', unit: '人' },
  min: { label: '最少', unit: '人' },
  max: { label: '最多', unit: '人' },
  daysAfterLetters: { label: '函调后', unit: '天' },
  days: { label: '天数', unit: '天' },
  hours: { label: '学时', unit: '学时' },
  fraction: { label: '比例', unit: '', step: 0.05 },
  warnMonths: { label: '提醒期限', unit: '月' },
  errorMonths: { label: '最长期限', unit: '月' },
  minMonths: { label: '最短', unit: '月' },
  maxMonths: { label: '最长', unit: '月' },
  calendarDays: { label: '自然日', unit: '天' },
  workingDays: { label: '工作日', unit: '天' },
};

export const SOURCE_COLOR: Record<string, string> = { 党章: 'red', 细则: 'volcano', 本地: 'blue' };
