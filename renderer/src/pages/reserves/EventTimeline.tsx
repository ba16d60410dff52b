import { Button, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import type { ReserveEvent } from './types';

const COLOR: Record<string, string> = { 推荐: 'gray', 考察: 'blue', 入库: 'green', 调整: 'blue', 任用: 'gold', 出库: 'red' };

/** The 动态调整台账 of one person, oldest first. Review-chain lines follow the dates in 编辑 and are not 撤销 here. */
export function EventTimeline({ events, onUndo }: { events: ReserveEvent[]; onUndo(e: ReserveEvent): void }) {
  let entered = false;
  return (
    <div data-testid="reserve-events">
      <Timeline
        items={events.map((e) => {
          const label = e.kind === '入库' && entered ? '重新入库' : e.kind;
          if (e.kind === '入库') entered = true;
          return {
            key: e.id,
            color: COLOR[e.kind],
            content: (
              <div data-testid={`event-${e.id}`}>
                <Space size={8} wrap>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.date}</span>
                  <Tag color={COLOR[e.kind] === 'gray' ? 'default' : COLOR[e.kind]}>{label}</Tag>
                  {e.post && <span>{e.post}</span>}
                  {!e.chain && (
                    <Popconfirm
                      title={`撤销这条“${label}”记录？`}
                      description="撤销后状态按其余记录重新计算。"
                      okText="撤销"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => onUndo(e)}
                    >
                      <Button type="link" size="small" style={{ padding: 0, height: 'auto', color: '#8c8c8c', fontSize: 12 }}>
                        撤销
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
                {e.reason && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {e.reason}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
