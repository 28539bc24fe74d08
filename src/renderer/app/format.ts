import dayjs from 'dayjs';

/** An ISO instant as local date and time, as clerks read it. */
export function formatDateTime(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDateTimeSeconds(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

export function todayLong(): string {
  return dayjs().format('YYYY年M月D日 dddd');
}

/** Where a person or case is: 乡镇 · 村. */
export const placeOf = (row: { townshipName: string; villageName: string | null }) => [row.townshipName, row.villageName].filter(Boolean).join(' · ');
