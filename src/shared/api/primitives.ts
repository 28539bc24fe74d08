/** The small wire shapes every schema file uses: ids, dates, months, money, optional text, paging. */
import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates';

export const id = z.string().min(1).max(64);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** A date that must also exist on the calendar (no 2026-02-30). */
export const validIsoDate = isoDate.refine(isValidIsoDate, '日期无效');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** Money in fen, up to 1,000,000 元. */
export const fen = z.number().int().min(0).max(100_000_00);
/** Optional free text: trimmed, and empty means null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
/** The keys of a label record, for z.enum. */
export const keys = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];
/** Where a person or household lives, as every list shows it. */
export const placeFields = {
  townshipId: id,
  townshipName: z.string(),
  villageName: z.string().nullable(),
};
/** A page of a list: which (from 1) and how long (10–200 rows, 50 unless asked). */
export const pagingFields = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
};
