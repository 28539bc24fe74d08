/**
 * China Standard Time (UTC+8, no daylight saving): the days and clock times a county office reads,
 * whatever time zone the computer is set to. Stored instants are ISO strings in UTC (`toISOString`).
 */
import { addDays } from './dates';

const OFFSET_MS = 8 * 3600_000;

/** The instant a China day 'YYYY-MM-DD' begins, as an ISO string comparable with stored instants. */
export function chinaDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
}

/** The instant after a China day ends (the next day's start): `at < chinaDayEnd(d)` keeps the whole day. */
export const chinaDayEnd = (date: string): string => chinaDayStart(addDays(date, 1));

/** An instant as China date and time, 'YYYY-MM-DD HH:mm:ss'; text that is no instant comes back as it is. */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
