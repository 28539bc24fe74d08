/**
 * 老年人能力综合评估 (GB/T 42195-2022): the level (and total, when the form gives it) of a person of 60 or
 * more, repeated yearly. Notes are withheld from roles without need; the audit names the person by id.
 */
import { fieldError } from '../../shared/api/errors';
import { ageOn } from '../../shared/domain/dates';
import { ASSESSMENT_LEVEL_LABELS, levelFitsScore, levelOfScore, nextAssessmentDue, type AssessmentLevel } from '../../shared/domain/elderly';
import type { Scope } from '../../shared/domain/roles';
import type { Assessment } from '../../shared/api/elderly.schemas';
import type { Executor, LedgerDb } from '../db/schema';
import { newId } from '../app/ids';
import { recordAudit, type Actor } from '../audit/audit.service';
import { personInScope } from '../ledger/person-file';
import type { ElderlyViewer } from './elderly-viewer';

/** A person's assessments, newest first (the person must be within the viewer's reach). */
export async function listAssessments(db: Executor, scope: Scope, viewer: ElderlyViewer, personId: string): Promise<Assessment[]> {
  await personInScope(db, scope, personId);
  return assessmentsOf(db, viewer, personId);
}

export async function assessmentsOf(db: Executor, viewer: ElderlyViewer, personId: string): Promise<Assessment[]> {
  const rows = await db
    .selectFrom('elder_assessments as a')
    .innerJoin('users as u', 'u.id', 'a.recorded_by')
    .select(['a.id', 'a.person_id', 'a.assessed_on', 'a.assessor', 'a.organisation', 'a.score', 'a.level', 'a.notes', 'a.next_due_on', 'u.display_name', 'a.recorded_at'])
    .where('a.person_id', '=', personId)
    .orderBy('a.assessed_on', 'desc')
    .orderBy('a.recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    assessedOn: r.assessed_on,
    assessor: r.assessor,
    organisation: r.organisation,
    score: r.score,
    level: r.level as AssessmentLevel,
    notes: viewer.seesRecords ? r.notes : null,
    nextDueOn: r.next_due_on,
    recordedBy: r.display_name,
    recordedAt: r.recorded_at,
  }));
}

export interface AssessmentInput {
  personId: string;
  assessedOn: string;
  assessor: string;
  organisation: string;
  score: number | null;
  level: AssessmentLevel;
  notes: string | null;
}

export async function recordAssessment(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: AssessmentInput): Promise<{ id: string; nextDueOn: string }> {
  return db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, input.personId);
    if (input.assessedOn > today) throw fieldError('assessedOn', '评估日期不能晚于今天');
    if (person.deceased_on && input.assessedOn > person.deceased_on) throw fieldError('assessedOn', `台账登记${person.name}已于 ${person.deceased_on} 死亡，请核对评估日期`);
    const age = ageOn(person.birth_date, input.assessedOn);
    if (age < 60) throw fieldError('assessedOn', `${person.name}评估时 ${age} 岁，能力综合评估适用于 60 周岁及以上老年人`);
    if (input.score !== null && !levelFitsScore(input.level, input.score)) {
      throw fieldError('level', `总分 ${input.score} 分对应“${ASSESSMENT_LEVEL_LABELS[levelOfScore(input.score)]}”，评估等级只能按规范调整为更重的等级，不能更轻`);
    }
    const id = newId();
    const nextDueOn = nextAssessmentDue(input.assessedOn);
    await trx
      .insertInto('elder_assessments')
      .values({
        id,
        person_id: input.personId,
        assessed_on: input.assessedOn,
        assessor: input.assessor,
        organisation: input.organisation,
        score: input.score,
        level: input.level,
        notes: input.notes,
        next_due_on: nextDueOn,
        recorded_by: actor.userId!,
        recorded_at: at.toISOString(),
      })
      .execute();
    await recordAudit(trx, actor, at, { action: 'elder.assessment', entity: 'elder_assessment', entityId: id, after: { personId: input.personId, assessedOn: input.assessedOn, level: input.level, nextDueOn } });
    return { id, nextDueOn };
  });
}
