/**
 * What happens to a 心理关爱个案 besides its steps: the crisis flag, set or cleared at any stage with a note
 * (a flagged case is graded high and cannot be discharged), and follow-ups (随访) after discharge, each
 * setting the next date or ending the follow-up.
 */
import { AppError } from '../../shared/api/errors';
import type { LedgerDb } from '../db/schema';
import type { CasesTable } from '../db/tables/cases.table';
import { recordAudit } from '../audit/audit.service';
import type { CaseData } from './case-data';
import type { EngineEnv } from './case-engine';
import { appendNeutralStep, requireCurrentCase } from './cases.service';

function requirePsychCase(row: CasesTable): CaseData {
  if (row.kind !== 'psych_care') throw new AppError('CONFLICT', '只有心理关爱个案可以办理此项');
  return JSON.parse(row.data) as CaseData;
}

export async function flagCrisis(db: LedgerDb, env: EngineEnv, input: { caseId: string; version: number; crisis: boolean; note: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await requireCurrentCase(trx, env, input.caseId, input.version);
    const data = requirePsychCase(row);
    if (row.status !== 'open') throw new AppError('CONFLICT', '个案已结案；结案后出现危机请重新发起个案');
    if (input.crisis === (row.crisis === 1)) throw new AppError('CONFLICT', input.crisis ? '个案已处于危机状态' : '个案未标记危机');
    const next: CaseData = input.crisis ? { ...data, crisisSince: env.today, crisisNote: input.note, psychGrade: 'high' } : { ...data, crisisSince: undefined, crisisNote: undefined };
    await trx
      .updateTable('cases')
      .set({ crisis: input.crisis ? 1 : 0, data: JSON.stringify(next), version: row.version + 1, updated_at: env.at.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await appendNeutralStep(trx, env, row, input.crisis ? 'crisis' : 'crisis_cleared', input.note);
    await recordAudit(trx, env.actor, env.at, { action: input.crisis ? 'case.crisis' : 'case.crisis_cleared', entity: 'case', entityId: row.id, householdId: row.household_id, after: { caseNo: row.case_no, step: row.step } });
  });
}

export async function recordFollowUp(db: LedgerDb, env: EngineEnv, input: { caseId: string; version: number; onDate: string; note: string; nextFollowUpOn: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await requireCurrentCase(trx, env, input.caseId, input.version);
    const data = requirePsychCase(row);
    if (row.follow_up_on === null) throw new AppError('CONFLICT', '该个案没有待随访安排');
    const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path: [path], message }] });
    if (input.onDate > env.today) throw field('onDate', '随访日期不能晚于今天');
    const closedOn = row.closed_at?.slice(0, 10) ?? row.opened_on;
    if (input.onDate < closedOn) throw field('onDate', `随访日期早于结案日期（${closedOn}）`);
    if (input.nextFollowUpOn !== null && input.nextFollowUpOn <= env.today) throw field('nextFollowUpOn', '下次随访日期应晚于今天');
    await trx
      .updateTable('cases')
      .set({ follow_up_on: input.nextFollowUpOn, data: JSON.stringify({ ...data, followUpOn: input.nextFollowUpOn ?? undefined }), version: row.version + 1, updated_at: env.at.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await appendNeutralStep(trx, env, row, 'follow_up', input.note, { followedUpOn: input.onDate, ...(input.nextFollowUpOn ? { followUpOn: input.nextFollowUpOn } : {}) });
    await recordAudit(trx, env.actor, env.at, { action: 'case.follow_up', entity: 'case', entityId: row.id, householdId: row.household_id, after: { caseNo: row.case_no, onDate: input.onDate, next: input.nextFollowUpOn } });
  });
}
