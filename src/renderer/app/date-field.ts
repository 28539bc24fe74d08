import dayjs, { type Dayjs } from 'dayjs';

/** Dates after today cannot be chosen: a visit or a closing is recorded once it happened. */
export const afterToday = (day: Dayjs) => day.isAfter(dayjs(), 'day');

export const isoOf = (day: Dayjs) => day.format('YYYY-MM-DD');
