import { Link } from 'react-router-dom';
import { milestoneColumns } from './chartScale';
import { STATE_STYLE, STATUS_COLOR, behindText, centrePath } from './labels';
import type { ChartView } from './types';

/** Tag colours as the printed grid's text colours (a plain table prints where antd's tags would not fit). */
const STATUS_TEXT: Record<string, string> = { default: '#595959', cyan: '#08979c', green: '#389e0d', orange: '#d46b08', red: '#cf1322', blue: '#0958d9', purple: '#531dab' };


/** 挂图: the wall chart, village × milestone, each cell with its 计划 and 实际 dates coloured by the milestone's state. */
export function WallChart({ chart }: { chart: ChartView }) {
  const names = milestoneColumns(chart);
  const year = chart.today.slice(0, 4);
  return (
    <table className="centre-wall" data-testid="centre-wall">
      <thead>
        <tr>
          <th rowSpan={2}>村（社区）</th>
          <th rowSpan={2}>状态</th>
          <th rowSpan={2}>形象进度</th>
          <th rowSpan={2}>要求完成</th>
          <th colSpan={names.length}>节点（计：计划，实：实际；{year} 年以外的日期带两位年份）</th>
        </tr>
        <tr>
          {names.map((n) => (
            <th key={n}>{n}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.centres.map((c) => (
          <tr key={c.id} data-testid={`wall-row-${c.unitName}`}>
            <td className="name">
              <Link to={centrePath(c.id)}>{c.unitName}</Link>
            </td>
            <td style={{ color: STATUS_TEXT[STATUS_COLOR[c.status]], fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="wall-status">
              {c.status}
              {c.daysBehind !== null && c.daysBehind > 0 && <div style={{ fontWeight: 400, fontSize: 11 }}>{behindText(c.daysBehind)}</div>}
            </td>
            <td>{c.progressPercent}%</td>
            <td style={{ whiteSpace: 'nowrap' }}>{c.requiredOn}</td>
            {names.map((n) => {
              const m = c.milestones.find((x) => x.name === n);
              if (!m) return <td key={n} className="cell" />;
              const s = STATE_STYLE[m.state];
              const fmt = (d: string | null) => (!d ? '—' : d.slice(0, 4) !== year ? d.slice(2) : d.slice(5));
              return (
                <td key={n} className="cell" data-state={m.state} title={`${n}：${s.label}${m.daysLate ? `（${m.daysLate > 0 ? '滞后' : '提前'} ${Math.abs(m.daysLate)} 天）` : ''}`} style={{ background: s.background, color: s.color }}>
                  <div className="p">计 {fmt(m.plannedOn)}</div>
                  <div className="a">实 {fmt(m.actualOn)}</div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
