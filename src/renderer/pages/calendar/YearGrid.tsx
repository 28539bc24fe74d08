/** Twelve small months of one year: days off shaded, special days marked 休 (放假) or 班 (调休上班). */
import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDayRow } from '../../../shared/api/contract';
import { isWeekend, KIND_LABELS } from './day-labels';

const HEAD = ['一', '二', '三', '四', '五', '六', '日'];

function Month({ year, month, byDate }: { year: number; month: number; byDate: Map<string, CalendarDayRow> }) {
  const first = dayjs(new Date(year, month, 1));
  const blanks = (first.day() + 6) % 7;
  const dates = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
  return (
    <div className="cal-month">
      <div className="cal-month-title">{month + 1} 月</div>
      <div className="cal-month-days">
        {HEAD.map((h) => (
          <span key={h} className="cal-head">
            {h}
          </span>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`blank-${i}`} />
        ))}
        {dates.map((date) => {
          const special = byDate.get(date);
          const off = special ? special.kind === 'holiday' : isWeekend(date);
          const cls = ['cal-day', off ? 'cal-off' : '', special ? `cal-${special.kind}` : ''].join(' ');
          const cell = (
            <span key={date} className={cls}>
              {Number(date.slice(8))}
              {special && <i className="cal-mark">{special.kind === 'holiday' ? '休' : '班'}</i>}
            </span>
          );
          if (!special) return cell;
          return (
            <Tooltip key={date} title={`${date} ${special.name || ''}${KIND_LABELS[special.kind]}`}>
              {cell}
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}

export function YearGrid({ year, days }: { year: number; days: readonly CalendarDayRow[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div className="cal-year">
      {Array.from({ length: 12 }, (_, month) => (
        <Month key={month} year={year} month={month} byDate={byDate} />
      ))}
    </div>
  );
}
