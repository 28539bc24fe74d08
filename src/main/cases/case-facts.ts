import type { WorkflowPolicy } from '../../shared/domain/workflow/types';
import type { Executor } from '../db/schema';
import type { CasesTable } from '../db/tables/cases.table';
import type { AmountFacts } from './case-amount';
import type { CaseData } from './case-data';
import { addMonths, monthOf } from '../../shared/domain/dates';

/** What the amount of a case depends on, read from the ledger as it is today. */
export async function caseFacts(db: Executor, row: CasesTable, data: CaseData, today: string, policy: WorkflowPolicy): Promise<AmountFacts> {
  const household = await db.selectFrom('households').select('hukou_type').where('id', '=', row.household_id).executeTakeFirstOrThrow();
  const family = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', row.household_id)
    .where('deceased_on', 'is', null)
    .executeTakeFirstOrThrow();
  const covered = await db
    .selectFrom('case_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const person = row.person_id ? await db.selectFrom('persons').select(['name', 'birth_date', 'self_care']).where('id', '=', row.person_id).executeTakeFirst() : undefined;
  const enrollment = row.enrollment_id ? await db.selectFrom('enrollments').select('monthly_amount_fen').where('id', '=', row.enrollment_id).executeTakeFirst() : undefined;
  return {
    kind: row.kind as AmountFacts['kind'],
    category: row.category,
    hukou: household.hukou_type as 'urban' | 'rural',
    person: person ?? null,
    familySize: Number(family.n),
    coveredCount: Number(covered.n),
    data,
    currentAmountFen: enrollment?.monthly_amount_fen ?? null,
    startMonth: addMonths(monthOf(today), 1),
    floorFen: policy.dibaoFloorFen,
  };
}
