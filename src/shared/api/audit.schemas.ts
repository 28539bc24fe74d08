/** Wire shapes of the audit log's search and export (审计日志查询、导出). */
import { z } from 'zod';
import { id, validIsoDate } from './primitives';

/**
 * What an inspector narrows the log to. Every field is optional and they combine with "and"; days are
 * China days (from 00:00 of `from` to 24:00 of `to`, UTC+8).
 */
export const auditFilterFields = {
  /** The account that acted, exactly (also the actors 'setup', 'recovery-code', 'system'). */
  username: z.string().trim().min(1).max(40).optional(),
  /** Any of these action codes. */
  actions: z.array(z.string().trim().min(1).max(60)).min(1).max(100).optional(),
  /** The kind of record (household, person, user…). */
  entity: z.string().trim().min(1).max(40).optional(),
  /** A record's id: the entries about it, and the entries on the timeline of the household it is. */
  recordId: id.optional(),
  from: validIsoDate.optional(),
  to: validIsoDate.optional(),
  /** Text in the reason written with the change. */
  q: z.string().trim().min(1).max(50).optional(),
};

const datesInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const DATE_ORDER = { message: '开始日期不能晚于结束日期', path: ['to'] };

export const auditFilterSchema = z.object(auditFilterFields).refine(datesInOrder, DATE_ORDER);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** A page of the filtered log, newest first: after `beforeSeq` (keyset), or the `page`-th page of `limit`. */
export const auditListInputSchema = z
  .object({
    ...auditFilterFields,
    beforeSeq: z.number().int().positive().optional(),
    page: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine(datesInOrder, DATE_ORDER);
