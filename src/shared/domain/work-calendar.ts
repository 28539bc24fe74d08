/**
 * Working days (工作日) by the official holiday calendar: a weekday is a working day unless it is a
 * holiday; a weekend day is not, unless it is a make-up working day (调休). Statutory deadlines (3 working
 * days to start an investigation, 10 to confirm…) count with this.
 */
import { addDays } from './dates';
import type { CalendarDayKind } from './official-calendar';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export class WorkCalendar {
  private readonly days: Map<string, CalendarDay>;
  private readonly years: Set<number>;

  constructor(days: Iterable<CalendarDay>) {
    this.days = new Map([...days].map((d) => [d.date, d]));
    // Every year's official arrangement includes the Spring Festival: a year whose 春节 is not entered is
    // not known yet, even if a day or two of it are.
    this.years = new Set([...this.days.values()].filter((d) => d.kind === 'holiday' && d.name.includes('春节')).map((d) => Number(d.date.slice(0, 4))));
  }

  /** Whether the official arrangement of this year is known (entered or shipped, its 春节 included). */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  dayOf(date: string): CalendarDay | undefined {
    return this.days.get(date);
  }

  isWorkingDay(date: string): boolean {
    const special = this.days.get(date);
    if (special) return special.kind === 'workday';
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6;
  }

  /** The date `n` working days after `date` (the day itself not counted): the deadline of a step. */
  addWorkingDays(date: string, n: number): string {
    let day = date;
    let left = n;
    while (left > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}
