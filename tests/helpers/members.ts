/** A clean 发展党员 file for tests: every date inside every limit, admitted (Z) on 2024-05-20, 正式 on 2025-06-10. */
export const full = (name: string) => ({ name, isFullMember: true });
export const MEETING = { expected: 20, present: 15, for: 14, against: 0, abstain: 1 };

export const CLEAN_PATH: Record<number, Record<string, unknown>> = {
  2: { date: '2023-01-20', people: [full('王书记')] },
  3: { date: '2023-03-01' },
  4: { date: '2023-03-05' },
  5: { date: '2023-03-06', people: [full('李联系'), full('赵联系')] },
  6: { date: '2023-09-01' },
  7: { date: '2024-03-01' },
  8: { date: '2024-03-05' },
  9: { date: '2024-03-06', people: [full('介绍人甲'), full('介绍人乙')] },
  10: { date: '2024-04-01' },
  11: { date: '2024-04-10', training: { days: 3, hours: 24 } },
  12: { date: '2024-05-01' },
  13: { date: '2024-05-10' },
  14: { date: '2024-05-15' },
  15: { date: '2024-05-20', meeting: MEETING },
  16: { date: '2024-06-01', people: [full('党委委员')] },
  17: { date: '2024-06-10' },
  18: { date: '2024-06-20' },
  19: { date: '2024-06-21' },
  20: { date: '2024-07-01' },
  21: { date: '2024-12-01' },
  22: { date: '2025-04-20' },
  23: { date: '2025-05-20', meeting: MEETING },
  24: { date: '2025-06-10' },
  25: { date: '2025-07-01' },
};
