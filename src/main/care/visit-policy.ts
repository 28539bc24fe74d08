/** The county's visit intervals (探视巡访), stored as a setting; changing them moves every open file's due date. */
import { DEFAULT_VISIT_POLICY, nextVisitDue, type ChildCategory, type Guardianship, type VisitPolicy } from '../../shared/domain/care';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { readSettings, writeSetting } from '../settings/settings.repository';

export async function loadVisitPolicy(db: Executor): Promise<VisitPolicy> {
  const stored = (await readSettings(db)).visit_policy;
  const saved = stored ? (JSON.parse(stored) as Partial<VisitPolicy>) : {};
  return { ...DEFAULT_VISIT_POLICY, ...saved, byCategory: { ...DEFAULT_VISIT_POLICY.byCategory, ...saved.byCategory } };
}

/** The next due date of one open file, under the policy. */
export const dueDateOf = (policy: VisitPolicy, c: { category: string; guardianship: string; last_visited_on: string | null; opened_on: string }) =>
  nextVisitDue(policy, { category: c.category as ChildCategory, guardianship: c.guardianship as Guardianship, lastVisitedOn: c.last_visited_on, openedOn: c.opened_on });

export async function saveVisitPolicy(db: LedgerDb, actor: Actor, at: Date, policy: VisitPolicy): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadVisitPolicy(trx);
    await writeSetting(trx, 'visit_policy', JSON.stringify(policy));
    const open = await trx.selectFrom('children').select(['person_id', 'category', 'guardianship', 'last_visited_on', 'opened_on', 'next_due_on']).where('closed_on', 'is', null).execute();
    for (const c of open) {
      const due = dueDateOf(policy, c);
      if (due !== c.next_due_on) await trx.updateTable('children').set({ next_due_on: due }).where('person_id', '=', c.person_id).execute();
    }
    await recordAudit(trx, actor, at, { action: 'care.policy', entity: 'settings', before, after: policy });
  });
}
