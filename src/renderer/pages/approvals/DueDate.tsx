import { Typography } from 'antd';

type Unit = 'working' | 'calendar';

/** "剩 3 个工作日", "剩 5 天", "超期 2 个工作日": days counted in the deadline's own unit. */
export function daysLeftText(days: number, unit: Unit): string {
  const word = unit === 'working' ? '个工作日' : '天';
  return days < 0 ? `超期 ${-days} ${word}` : `剩 ${days} ${word}`;
}

interface Props {
  due: string | null;
  days: number | null;
  unit: Unit | null;
  /** The days left on a line of their own (narrow table columns). */
  stacked?: boolean;
}

/** A due date with the days left after it, red once it has passed. */
export function DueDate({ due, days, unit, stacked }: Props) {
  if (!due) return <span className="muted">—</span>;
  const late = days !== null && days < 0;
  const left = days !== null && unit ? daysLeftText(days, unit) : null;
  return (
    <Typography.Text type={late ? 'danger' : undefined}>
      <span className="mono">{due}</span>
      {left && (stacked ? <div>{left}</div> : <span>（{left}）</span>)}
    </Typography.Text>
  );
}
