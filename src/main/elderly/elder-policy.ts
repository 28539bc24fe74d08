/**
 * The county's elderly-care policy (the 'elder_policy' setting): whether a missed survival check stops
 * 高龄津贴 and after how many grace days, visit intervals per difficulty, and how early to remind. Saving new
 * intervals moves every open file's due date, so the overdue lists keep reading one index.
 */
import { DEFAULT_ELDER_POLICY, nextElderVisitDue, parseDifficulties, type ElderPolicy } from '../../shared/domain/elderly';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { readSettings, writeSetting } from '../settings/settings.repository';

export async function loadElderPolicy(db: Executor): Promise<ElderPolicy> {
  const stored = (await readSettings(db)).elder_policy;
  const saved = stored ? (JSON.parse(stored) as Partial<ElderPolicy>) : {};
  return { ...DEFAULT_ELDER_POLICY, ...saved, visitMonths: { ...DEFAULT_ELDER_POLICY.visitMonths, ...saved.visitMonths } };
}

/** The next due date of one open file, under the policy. */
export const elderDueDateOf = (policy: ElderPolicy, e: { difficulties: string; last_visited_on: string | null; opened_on: string }) =>
  nextElderVisitDue(policy, { difficulties: parseDifficulties(e.difficulties), lastVisitedOn: e.last_visited_on, openedOn: e.opened_on });

export async function saveElderPolicy(db: LedgerDb, actor: Actor, at: Date, policy: ElderPolicy): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadElderPolicy(trx);
    await writeSetting(trx, 'elder_policy', JSON.stringify(policy));
    const open = await trx.selectFrom('elders').select(['person_id', 'difficulties', 'last_visited_on', 'opened_on', 'next_due_on']).where('closed_on', 'is', null).execute();
    for (const e of open) {
      const due = elderDueDateOf(policy, e);
      if (due !== e.next_due_on) await trx.updateTable('elders').set({ next_due_on: due }).where('person_id', '=', e.person_id).execute();
    }
    await recordAudit(trx, actor, at, { action: 'elderly.policy', entity: 'settings', before, after: policy });
  });
}
