/** Calendar dates as 'YYYY-MM-DD' strings: the wire format, free of time zones. */

/** Read character by character, not by a regular expression and its match: an import checks two dates a person. */
export function isValidIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 /* - */ || value.charCodeAt(7) !== 45) return false;
  const y = digitsIn(value, 0, 4);
  const mo = digitsIn(value, 5, 7);
  const d = digitsIn(value, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** The number the ASCII digits from `from` to `to` write, or -1 where another character is among them. */
function digitsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    n = n * 10 + code;
  }
  return n;
}

/** Days of a month of the Gregorian calendar (counted, not asked of a Date: an import checks a date in every row). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole years between a birth date and a date (a birthday on `on` counts as reached). */
export function ageOn(birthDate: string, on: string): number {
  // Both are YYYY-MM-DD: the month and day compare as text (a check of every person of a roster).
  const age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5, 10) < birthDate.slice(5, 10) ? age - 1 : age;
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function toIsoDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Adds days to a YYYY-MM-DD date (UTC arithmetic, so no time zone or DST can shift it). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date someone born on `birthDate` reaches `age`; a 29 February birthday falls on 1 March in common years. */
export function dateOfAge(birthDate: string, age: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + age;
  if (m === 2 && d === 29 && daysInMonth(year, 2) === 28) return `${year}-03-01`;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same calendar day `years` later (or earlier); 29 February becomes 28 February in common years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The latest birth date of someone aged `age` or more on `on`, compared as ISO text; agrees with ageOn. */
export const latestBirthForAge = (on: string, age: number) => `${String(Number(on.slice(0, 4)) - age).padStart(4, '0')}${on.slice(4)}`;

/** The last day of 'YYYY-MM'. */
export const lastDayOf = (month: string) => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

/** 'YYYY-MM' of a date. */
export const monthOf = (date: string) => date.slice(0, 7);
export const isValidMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** 'YYYY-MM' moved by `months` (negative goes back). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The same day `months` later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m] = addMonths(date.slice(0, 7), months).split('-').map(Number) as [number, number];
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' (or an ISO instant) as official documents write it: 2026年3月2日; anything else as it is. */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** 'YYYY-MM' as 2026年4月. */
export function chineseMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月` : value;
}
