/**
 * A small line chart drawn by hand in SVG (no chart library for one card): a line over the months, a light
 * area under it, three grid lines with their values, every other month named, and each point titled
 * with its month and value for the mouse and screen readers.
 */
import { useId } from 'react';

const W = 320;
const H = 132;
const PAD = { left: 46, right: 10, top: 10, bottom: 22 };

/** A round top for the axis, at least `max` and `floor`; its half (the middle grid line) is round too. */
export function niceCeiling(max: number, floor = 1): number {
  const target = Math.max(max, floor);
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 4, 6, 8, 10].find((f) => f * power >= target) ?? 10;
  return step * power;
}

interface Props {
  /** 'YYYY-MM', one per value. */
  months: string[];
  values: number[];
  /** A value as the axis and the titles show it. */
  format: (value: number) => string;
  /** The chart's accessible name, e.g. 低保 近12个月户数. */
  label: string;
  /** The smallest top of the axis: counts keep whole-number grid lines. */
  minTop?: number;
  color?: string;
}

const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;

export function LineChart({ months, values, format, label, minTop = 2, color = '#1f4e9a' }: Props) {
  const gradient = useId();
  const top = niceCeiling(Math.max(0, ...values), minTop);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (values.length > 1 ? (i * plotW) / (values.length - 1) : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / top) * plotH;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  const baseline = y(0).toFixed(1);
  const area = points.length > 0 ? `M${x(0).toFixed(1)},${baseline} L${points.join(' L')} L${x(values.length - 1).toFixed(1)},${baseline} Z` : '';
  const last = values.length - 1;

  return (
    <svg className="line-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0%" stopColor={color} stopOpacity="0.18" />
          <stop offset="100%" stopColor={color} stopOpacity="0" />
        </linearGradient>
      </defs>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="line-chart-grid" />
          <text x={PAD.left - 6} y={y(top * f) + 3.5} textAnchor="end" className="line-chart-axis">
            {format(top * f)}
          </text>
        </g>
      ))}
      {months.map((m, i) =>
        // Every other month, counted back from the latest so that it is always named.
        (last - i) % 2 === 0 ? (
          <text key={m} x={x(i)} y={H - 6} textAnchor="middle" className="line-chart-axis">
            {monthName(m)}
          </text>
        ) : null,
      )}
      <path d={area} fill={`url(#${gradient})`} />
      <polyline points={points.join(' ')} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" />
      {values.map((v, i) => (
        <circle key={months[i] ?? i} cx={x(i)} cy={y(v)} r={i === last ? 3.5 : 2.2} fill={i === last ? color : '#fff'} stroke={color} strokeWidth={1.5}>
          <title>{`${months[i] ?? ''}：${format(v)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
