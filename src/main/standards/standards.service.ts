/**
 * Program standards, versioned by effective date. A month's calculation uses the version in force on the
 * first day of that month, so a report for last year uses last year's standards. Saving a version for a
 * date that already has one corrects it; otherwise a new version is added. Nothing is ever deleted.
 */
import { AppError } from '../../shared/api/errors';
import { isValidIsoDate } from '../../shared/domain/dates';
import { STANDARD_ITEMS } from '../../shared/domain/standards';
import type { LedgerDb } from '../db/schema';
import { newId } from '../app/ids';
import { recordAudit, type Actor } from '../audit/audit.service';
import { findStandardVersion, listStandardRows } from './standards.repository';

export interface StandardVersion {
  id: string;
  item: string;
  label: string;
  amountFen: number;
  effectiveFrom: string;
  note: string | null;
}

const labelOf = (item: string) => STANDARD_ITEMS.find((s) => s.item === item)?.label ?? item;

export async function listStandards(db: LedgerDb): Promise<StandardVersion[]> {
  return (await listStandardRows(db)).map((r) => ({ id: r.id, item: r.item, label: labelOf(r.item), amountFen: r.amount_fen, effectiveFrom: r.effective_from, note: r.note }));
}

export async function saveStandard(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  input: { item: string; amountFen: number; effectiveFrom: string; note?: string | null },
): Promise<StandardVersion> {
  if (!STANDARD_ITEMS.some((s) => s.item === input.item)) throw new AppError('VALIDATION', '未知的标准项目', { fields: [{ path: ['item'], message: '未知的标准项目' }] });
  if (!isValidIsoDate(input.effectiveFrom)) throw new AppError('VALIDATION', '生效日期无效', { fields: [{ path: ['effectiveFrom'], message: '生效日期无效' }] });
  return db.transaction().execute(async (trx) => {
    const before = await findStandardVersion(trx, input.item, input.effectiveFrom);
    const row = {
      id: before?.id ?? newId(),
      item: input.item,
      amount_fen: input.amountFen,
      effective_from: input.effectiveFrom,
      note: input.note?.trim() || null,
      created_by: actor.userId,
      created_at: at.toISOString(),
    };
    if (before) await trx.updateTable('standards').set(row).where('id', '=', before.id).execute();
    else await trx.insertInto('standards').values(row).execute();
    await recordAudit(trx, actor, at, { action: before ? 'standard.correct' : 'standard.create', entity: 'standard', entityId: row.id, before, after: row });
    return { id: row.id, item: row.item, label: labelOf(row.item), amountFen: row.amount_fen, effectiveFrom: row.effective_from, note: row.note };
  });
}
