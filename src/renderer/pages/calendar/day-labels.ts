/** How the calendar pages name weekdays, kinds and sources of a special day. */
import dayjs from 'dayjs';
import type { CalendarDayRow } from '../../../shared/api/contract';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const weekdayOf = (date: string): string => WEEKDAYS[dayjs(date).day()] ?? '';

export const isWeekend = (date: string): boolean => {
  const day = dayjs(date).day();
  return day === 0 || day === 6;
};

export const KIND_LABELS: Record<CalendarDayRow['kind'], string> = { holiday: '放假', workday: '调休上班' };
export const KIND_COLORS: Record<CalendarDayRow['kind'], string> = { holiday: 'red', workday: 'blue' };
export const SOURCE_LABELS: Record<CalendarDayRow['source'], string> = { official: '国家公布', local: '本地录入' };
