import { Progress, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Scale } from './chartScale';
import { STATE_STYLE, STATUS_COLOR, centrePath } from './labels';
import type { ChartCentre, ChartView, MilestoneView } from './types';

const tip = (m: MilestoneView) =>
  `${m.name}\n基线 ${m.baselineOn}${m.plannedOn !== m.baselineOn ? `\n计划 ${m.plannedOn}` : ''}\n实际 ${m.actualOn ?? '未完成'}${m.daysLate ? `\n${m.daysLate > 0 ? '滞后' : '提前'} ${Math.abs(m.daysLate)} 天` : ''}`;

/** The plan lane: each milestone's baseline span from the one before it, coloured by the milestone's state. */
function PlanLane({ c, scale }: { c: ChartCentre; scale: Scale }) {
  return (
    <div className="centre-gantt-lane plan">
      {c.milestones.map((m, i) => {
        const from = scale.at(c.milestones[i - 1]?.baselineOn ?? m.baselineOn);
        const to = scale.at(m.baselineOn);
        const s = STATE_STYLE[m.state];
        return <div key={m.seq} className="centre-gantt-seg" data-state={m.state} title={tip(m)} style={{ left: `${from}%`, width: `${to - from}%`, background: s.background, borderColor: s.color }} />;
      })}
      <div className="centre-gantt-required" title={`要求完成 ${c.requiredOn}`} style={{ left: `${scale.at(c.requiredOn)}%` }} />
    </div>
  );
}

/** The actual lane: a mark on each day a milestone was done, and a hatched bar for each one overdue until today. */
function ActualLane({ c, scale, today }: { c: ChartCentre; scale: Scale; today: string }) {
  return (
    <div className="centre-gantt-lane actual">
      {c.milestones.map((m) =>
        m.actualOn ? (
          <div key={m.seq} className="centre-gantt-mark" data-state={m.state} title={tip(m)} style={{ left: `${scale.at(m.actualOn)}%`, background: STATE_STYLE[m.state].color }} />
        ) : m.state === 'late' ? (
          <div key={m.seq} className="centre-gantt-overdue" data-state="late" title={tip(m)} style={{ left: `${scale.at(m.plannedOn)}%`, width: `${scale.at(today) - scale.at(m.plannedOn)}%` }} />
        ) : null,
      )}
    </div>
  );
}

/** The colours; the Gantt view also explains its two lanes and its lines. */
export function ChartLegend({ gantt = false }: { gantt?: boolean }) {
  return (
    <div className="centre-chart-legend" data-testid="chart-legend">
      {(Object.keys(STATE_STYLE) as MilestoneView['state'][]).map((k) => (
        <span key={k}>
          <i style={{ background: STATE_STYLE[k].background, border: `1px solid ${STATE_STYLE[k].color}` }} />
          {STATE_STYLE[k].label}
        </span>
      ))}
      {gantt && (
        <>
          <span>上条：计划（基线）</span>
          <span>下条：实际完成</span>
          <span>
            <i style={{ background: 'repeating-linear-gradient(45deg, #ff4d4f 0 3px, #ffccc7 3px 6px)' }} />
            逾期未完成至今
          </span>
          <span>
            <i style={{ width: 2, background: '#722ed1' }} />
            要求完成日期
          </span>
          <span>
            <i style={{ width: 2, background: '#cf1322' }} />
            今天
          </span>
        </>
      )}
    </div>
  );
}

/** 挂图作战 as a Gantt chart: one row per centre on a month axis, plan above actual, with the today line. */
export function GanttChart({ chart, scale }: { chart: ChartView; scale: Scale }) {
  const today = scale.at(chart.today);
  return (
    <div className="centre-gantt" data-testid="centre-gantt" style={{ minWidth: 180 + scale.months.length * 48 }}>
      <div className="centre-gantt-row centre-gantt-axis">
        <div className="centre-gantt-label" style={{ fontWeight: 600 }}>
          村（社区）
        </div>
        <div className="centre-gantt-track">
          {scale.months.map((m) => (
            <div key={m.key} className="centre-gantt-month" style={{ left: `${m.left}%`, width: `${m.width}%` }}>
              {m.year && <b>{m.year}</b>}
              {m.label}
            </div>
          ))}
        </div>
      </div>
      {chart.centres.map((c) => (
        <div key={c.id} className="centre-gantt-row" data-testid={`gantt-row-${c.unitName}`} data-status={c.status}>
          <div className="centre-gantt-label">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
              <Link to={centrePath(c.id)} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {c.unitName}
              </Link>
              <Tag color={STATUS_COLOR[c.status]} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
                {c.status}
              </Tag>
            </div>
            <Progress percent={c.progressPercent} size="small" style={{ margin: 0, lineHeight: 1 }} />
          </div>
          <div className="centre-gantt-track">
            {scale.months.map((m) => (
              <div key={m.key} className="centre-gantt-grid" style={{ left: `${m.left}%` }} />
            ))}
            <PlanLane c={c} scale={scale} />
            <ActualLane c={c} scale={scale} today={chart.today} />
          </div>
        </div>
      ))}
      <div className="centre-gantt-today" data-testid="gantt-today" style={{ left: `calc(180px + (100% - 180px) * ${today / 100})` }}>
        <span title={chart.today}>今天</span>
      </div>
    </div>
  );
}
