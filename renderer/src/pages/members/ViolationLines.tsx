import { Tag } from 'antd';

interface Line {
  ruleId: string;
  level: 'error' | 'warning';
  message: string;
}

const COLOR = { error: '#cf1322', warning: '#d46b08' } as const;

/** Rule findings under a form field: red for errors, orange for 提醒, each with its rule id. */
export function ViolationLines({ list, testId }: { list: readonly Line[]; testId?: string }) {
  if (list.length === 0) return null;
  return (
    <div data-testid={testId} style={{ marginTop: 4 }}>
      {list.map((v, i) => (
        <div key={`${v.ruleId}-${i}`} role={v.level === 'error' ? 'alert' : 'status'} style={{ color: COLOR[v.level], fontSize: 13, lineHeight: 1.5, marginTop: 2 }}>
          <Tag color={v.level === 'error' ? 'error' : 'warning'} style={{ marginInlineEnd: 6, fontSize: 12, lineHeight: '18px' }}>
            {v.ruleId}
          </Tag>
          {v.level === 'warning' ? '提醒：' : ''}
          {v.message}
        </div>
      ))}
    </div>
  );
}

export function worstStatus(list: readonly Line[]): 'error' | 'warning' | undefined {
  if (list.some((v) => v.level === 'error')) return 'error';
  return list.length ? 'warning' : undefined;
}
