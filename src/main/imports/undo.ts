/**
 * Undoing a batch while nothing depends on it: the households, persons and enrollments a 建账 batch
 * created are removed, the cases a 核对 batch started are withdrawn. Anything done since — a case on one of
 * those households, an edit, a case that moved past its first step — keeps the batch, with the reason.
 */
import { AppError } from '../../shared/api/errors';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { REPORT_FORM_LABELS, type ReportForm } from '../../shared/api/reports.schemas';
import { lastMonthOf, periodLabel } from '../../shared/domain/reports/periods';
import { PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';

const CHUNK = 900;

/** What the batch created; a scan, as rows are not indexed by batch (undo is rare, imports are not). */
async function createdBy(trx: Executor, batchId: string, table: 'households' | 'persons' | 'enrollments' | 'cases'): Promise<string[]> {
  return (await trx.selectFrom(table).select('id').where('import_batch_id', '=', batchId).execute()).map((r) => r.id);
}

async function chunks<T>(ids: string[], run: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await run(ids.slice(i, i + CHUNK))));
  return out;
}

export async function undoBatch(db: LedgerDb, actor: Actor, at: Date, scope: Scope, role: string, batchId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw new AppError('NOT_FOUND', '找不到该导入批次');
    if (batch.status !== 'committed') throw new AppError('CONFLICT', '该批次已经撤销过了');
    if (batch.purpose === 'initial_load' && role !== 'admin') throw new AppError('FORBIDDEN', '建账批次只能由系统管理员撤销');
    if (scope.kind === 'township' && batch.township_id !== scope.townshipId) throw new AppError('FORBIDDEN', '只能撤销本乡镇（街道）的导入批次');
    const households = await createdBy(trx, batchId, 'households');
    const persons = await createdBy(trx, batchId, 'persons');
    const enrollments = await createdBy(trx, batchId, 'enrollments');
    const cases = await createdBy(trx, batchId, 'cases');
    const since = batch.created_at;

    const blockers: string[] = [];
    const touchedHouseholds = await chunks(households, (ids) => trx.selectFrom('households').select('id').where('id', 'in', ids).where('updated_at', '>', since).execute());
    if (touchedHouseholds.length > 0) blockers.push(`${touchedHouseholds.length} 户的家庭信息已被修改`);
    const touchedPersons = await chunks(persons, (ids) => trx.selectFrom('persons').select('id').where('id', 'in', ids).where('updated_at', '>', since).execute());
    if (touchedPersons.length > 0) blockers.push(`${touchedPersons.length} 人的档案已被修改`);
    const touchedEnrollments = await chunks(enrollments, (ids) => trx.selectFrom('enrollments').select('id').where('id', 'in', ids).where('updated_at', '>', since).execute());
    if (touchedEnrollments.length > 0) blockers.push(`${touchedEnrollments.length} 条在保记录已变更`);
    const laterCases = await chunks(households, (ids) => trx.selectFrom('cases').select('case_no').where('household_id', 'in', ids).execute());
    const laterEnrollmentCases = await chunks(enrollments, (ids) => trx.selectFrom('cases').select('case_no').where('enrollment_id', 'in', ids).execute());
    const caseNos = [...new Set([...laterCases, ...laterEnrollmentCases].map((c) => c.case_no))];
    if (caseNos.length > 0) blockers.push(`已有案件（${caseNos.slice(0, 3).join('、')}${caseNos.length > 3 ? ' 等' : ''}）`);
    const laterMembers = await chunks(households, (ids) => trx.selectFrom('persons').select('id').where('household_id', 'in', ids).execute());
    const own = new Set(persons);
    if (laterMembers.some((p) => !own.has(p.id))) blockers.push('这些家庭中已登记了新成员');
    const childFiles = await chunks(persons, (ids) => trx.selectFrom('children').select('person_id').where('person_id', 'in', ids).execute());
    if (childFiles.length > 0) blockers.push(`${childFiles.length} 人已建立儿童关爱档案`);
    // Care records name these people: removing them would break the records (a foreign key), so they keep the batch.
    const elderFiles = await chunks(persons, (ids) => trx.selectFrom('elders').select('person_id').where('person_id', 'in', ids).execute());
    if (elderFiles.length > 0) blockers.push(`${elderFiles.length} 人已建立特殊困难老年人档案`);
    const checked = await chunks(persons, (ids) => trx.selectFrom('survival_checks').select('person_id').where('person_id', 'in', ids).execute());
    if (checked.length > 0) blockers.push(`${new Set(checked.map((r) => r.person_id)).size} 人已有生存认证记录`);
    const assessed = await chunks(persons, (ids) => trx.selectFrom('elder_assessments').select('person_id').where('person_id', 'in', ids).execute());
    if (assessed.length > 0) blockers.push(`${new Set(assessed.map((r) => r.person_id)).size} 人已有能力综合评估记录`);
    const referred = await chunks(households, (ids) => trx.selectFrom('referrals').select('id').where('household_id', 'in', ids).execute());
    if (referred.length > 0) blockers.push(`已有 ${referred.length} 条转介记录`);
    const movedCases = await chunks(cases, (ids) => trx.selectFrom('case_steps').select('case_id').where('case_id', 'in', ids).where('seq', '>', 1).execute());
    if (movedCases.length > 0) blockers.push(`${new Set(movedCases.map((c) => c.case_id)).size} 个案件已经有人办理`);
    // A form or payment roster submitted since, for a month the batch's enrollments were in force, counted them.
    const firstMonth = enrollments.length === 0 ? null : (await trx.selectFrom('enrollments').select((eb) => eb.fn.min('start_month').as('m')).where('import_batch_id', '=', batchId).executeTakeFirst())?.m;
    if (firstMonth) {
      const submitted = await trx.selectFrom('report_snapshots').select(['form', 'period', 'variant']).where('submitted_at', '>', since).orderBy('period').execute();
      const counted = submitted.filter((r) => (r.variant === '' || r.variant === batch.program) && lastMonthOf(r.period) >= firstMonth);
      if (counted.length > 0) {
        const first = counted[0]!;
        const program = first.variant === '' ? '' : PROGRAM_SHORT_LABELS[first.variant as Program];
        blockers.push(`已上报的${periodLabel(first.period)}${program}${REPORT_FORM_LABELS[first.form as ReportForm]}${counted.length > 1 ? `等 ${counted.length} 份报表` : ''}已计入这批对象`);
      }
    }
    if (blockers.length > 0) throw new AppError('CONFLICT', `该批次导入后已有后续业务，不能撤销：${blockers.join('；')}`);

    for (let i = 0; i < cases.length; i += CHUNK) {
      const ids = cases.slice(i, i + CHUNK);
      await trx.deleteFrom('case_steps').where('case_id', 'in', ids).execute();
      await trx.deleteFrom('case_members').where('case_id', 'in', ids).execute();
      await trx.deleteFrom('cases').where('id', 'in', ids).execute();
    }
    for (let i = 0; i < enrollments.length; i += CHUNK) {
      const ids = enrollments.slice(i, i + CHUNK);
      await trx.deleteFrom('enrollment_members').where('enrollment_id', 'in', ids).execute();
      await trx.deleteFrom('enrollment_amounts').where('enrollment_id', 'in', ids).execute();
      await trx.deleteFrom('enrollments').where('id', 'in', ids).execute();
    }
    for (let i = 0; i < households.length; i += CHUNK) await trx.updateTable('households').set({ head_person_id: null }).where('id', 'in', households.slice(i, i + CHUNK)).execute();
    for (let i = 0; i < persons.length; i += CHUNK) await trx.deleteFrom('persons').where('id', 'in', persons.slice(i, i + CHUNK)).execute();
    for (let i = 0; i < households.length; i += CHUNK) await trx.deleteFrom('households').where('id', 'in', households.slice(i, i + CHUNK)).execute();
    await trx.updateTable('import_batches').set({ status: 'undone', undone_by: actor.userId, undone_at: at.toISOString() }).where('id', '=', batchId).execute();
    await recordAudit(trx, actor, at, {
      action: 'import.undo',
      entity: 'import_batch',
      entityId: batchId,
      before: { fileName: batch.file_name, households: households.length, persons: persons.length, enrollments: enrollments.length, cases: cases.length },
    });
  });
}
