/**
 * Who a care case may be opened for: a psychological-care case for a child with an open care file (one open
 * case at a time); adult resettlement (成年后安置) for an orphan or de facto orphan from 17½ until 25, once.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { RESETTLED_CATEGORIES, RESETTLEMENT_AGES, resettlementTiming } from '../../shared/domain/care-cases';
import type { ChildCategory } from '../../shared/domain/care';
import type { Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';

interface Member {
  id: string;
  name: string;
  birth_date: string;
}

export interface CareCaseSubject {
  program: Program;
  category: string;
  personIds: string[];
}

const issue = (message: string): FieldIssue => ({ path: ['personIds'], message });

export async function careCaseSubject(db: Executor, kind: 'psych_care' | 'adult_resettlement', personIds: string[], members: readonly Member[], today: string): Promise<CareCaseSubject> {
  const person = personIds.length === 1 ? members.find((m) => m.id === personIds[0]) : undefined;
  if (!person) throw new AppError('VALIDATION', '请选择一名该户在世的儿童', { fields: [issue('请选择一名该户在世的儿童')] });
  const file = await db.selectFrom('children').select(['category', 'closed_on']).where('person_id', '=', person.id).executeTakeFirst();
  const open = await db.selectFrom('cases').select('case_no').where('person_id', '=', person.id).where('kind', '=', kind).where('status', '=', 'open').executeTakeFirst();
  if (open) throw new AppError('CONFLICT', `${person.name}已有未办结的同类案件（案件编号 ${open.case_no}）`);

  if (kind === 'psych_care') {
    if (!file || file.closed_on) throw new AppError('VALIDATION', `${person.name}没有在册的儿童关爱档案，请先建档`, { fields: [issue('请先为该儿童建立关爱档案')] });
    return { program: 'child_care', category: file.category, personIds: [person.id] };
  }

  const enrolled = await db
    .selectFrom('enrollments')
    .select('program')
    .where('person_id', '=', person.id)
    .where('program', 'in', ['orphan', 'de_facto_orphan'])
    .orderBy('start_month', 'desc')
    .executeTakeFirst();
  const category: ChildCategory | null = file && RESETTLED_CATEGORIES.includes(file.category as ChildCategory) ? (file.category as ChildCategory) : enrolled ? (enrolled.program === 'orphan' ? 'orphan' : 'de_facto_orphan') : null;
  if (!category) throw new AppError('VALIDATION', `${person.name}不是孤儿或事实无人抚养儿童，不适用成年后安置`, { fields: [issue('只有孤儿和事实无人抚养儿童办理成年后安置')] });
  const timing = resettlementTiming(person.birth_date, today);
  if (timing.state === 'early') throw new AppError('VALIDATION', `${person.name}未满 17 周岁半，${timing.opensOn} 起可办理成年后安置`, { fields: [issue(`${timing.opensOn} 起可办理`)] });
  if (timing.state === 'late') throw new AppError('VALIDATION', `${person.name}已满 ${RESETTLEMENT_AGES.untilAge} 周岁，不再办理成年后安置`, { fields: [issue('已超过办理年龄')] });
  const done = await db.selectFrom('cases').select('case_no').where('person_id', '=', person.id).where('kind', '=', 'adult_resettlement').where('outcome', '=', 'approved').executeTakeFirst();
  if (done) throw new AppError('CONFLICT', `${person.name}已办理过成年后安置（案件编号 ${done.case_no}），一次性补助不重复发放`);
  return { program: category === 'orphan' ? 'orphan' : 'de_facto_orphan', category, personIds: [person.id] };
}
