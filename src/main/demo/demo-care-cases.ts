/**
 * The demo county's care cases, walked through the real engine by the township clerks: psychological-care
 * cases at every stage (one flagged as a crisis, some discharged and due for follow-up) and adult
 * resettlement for orphans near 18, one waiting for the county.
 */
import type { ActionData } from '../../shared/api/cases.schemas';
import { addDays, addMonthsToDate, toIsoDate } from '../../shared/domain/dates';
import type { LedgerDb } from '../db/schema';
import { flagCrisis } from '../cases/care-cases.service';
import { actOnCase, startCase } from '../cases/cases.service';
import { demoClerks, demoEnv } from './demo-env';

type Step = [action: string, opinion: string, data?: ActionData] | 'crisis';

const ASSESSED: Step = ['accept', '监护人同意介入，完成初始评估', { psychTool: 'sdq_self', psychScore: 18 }];
const PLANNED: Step = ['complete', '方案经个案会议确定', { planGoals: '稳定情绪，恢复正常学习生活', planMeasures: '每两周一次个体辅导；学校心理老师跟进；监护人亲职指导', counsellor: '县未成年人心理健康辅导中心', sessionsPlanned: 6 }];
const SERVED: Step = ['complete', '计划服务已完成过半，进入中期评估'];
const REASSESSED: Step = ['to_discharge', '情绪明显好转，准备结案', { psychTool: 'sdq_self', psychScore: 12 }];
const DISCHARGED: Step = ['close', '目标基本达成，结案转入随访', { dischargeSummary: '情绪稳定，按时上学，与监护人沟通改善' }];

const PATHS: { daysAgo: number; steps: Step[]; reason: string }[] = [
  { daysAgo: 1, steps: [], reason: '班主任反映孩子近期情绪低落、不愿上学' },
  { daysAgo: 6, steps: [], reason: '儿童主任探访发现孩子沉默寡言，与同学冲突增多' },
  { daysAgo: 9, steps: [ASSESSED], reason: '父母离异后孩子出现焦虑、失眠' },
  { daysAgo: 20, steps: [ASSESSED, PLANNED], reason: '孩子长期独处，沉迷手机，拒绝与祖辈交流' },
  { daysAgo: 24, steps: [ASSESSED, PLANNED, 'crisis'], reason: '孩子流露轻生念头，学校紧急报告' },
  { daysAgo: 45, steps: [ASSESSED, PLANNED, SERVED], reason: '遭受校园欺凌后情绪异常' },
  { daysAgo: 80, steps: [ASSESSED, PLANNED, SERVED, REASSESSED, DISCHARGED], reason: '母亲去世后情绪持续低落' },
  { daysAgo: 150, steps: [ASSESSED, PLANNED, SERVED, REASSESSED, DISCHARGED], reason: '留守期间出现厌学、逃学' },
];

export async function demoCareCases(db: LedgerDb, at: Date): Promise<number> {
  const today = toIsoDate(at);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  const files = await db
    .selectFrom('children as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['c.person_id', 'c.category', 'p.birth_date', 'p.household_id', 'h.township_id'])
    .where('c.closed_on', 'is', null)
    .where('p.household_id', 'is not', null)
    .orderBy('c.person_id')
    .execute();
  let made = 0;

  async function run(kind: 'psych_care' | 'adult_resettlement', file: (typeof files)[number], daysAgo: number, reason: string, steps: Step[]) {
    const clerk = clerkOf.get(file.township_id);
    if (!clerk) return;
    let day = addDays(today, -daysAgo);
    try {
      const { id } = await startCase(db, envFor(clerk, day), { kind, householdId: file.household_id!, personIds: [file.person_id], category: null, unstableIncome: false, reason });
      for (const step of steps) {
        day = addDays(day, Math.max(1, Math.floor(daysAgo / (steps.length + 1))));
        const on = day > today ? today : day;
        const { version } = await db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow();
        if (step === 'crisis') {
          await flagCrisis(db, envFor(clerk, on), { caseId: id, version, crisis: true, note: '已联系监护人和县人民医院心理科，落实 24 小时看护' });
          continue;
        }
        const [action, opinion, data] = step;
        // A discharge schedules the first follow-up from its own day, so older cases fall due now.
        const recorded = data?.dischargeSummary ? { ...data, followUpOn: addMonthsToDate(on, 3) < today ? addDays(today, 3) : addMonthsToDate(on, 3) } : (data ?? {});
        await actOnCase(db, envFor(clerk, on), { caseId: id, version, action, opinion, data: recorded });
      }
      made += 1;
    } catch {
      // A draw the rules refuse (an age, an open case) is simply left out.
    }
  }

  const young = files.filter((f) => f.birth_date > addMonthsToDate(today, -15 * 12) && f.birth_date < addMonthsToDate(today, -7 * 12));
  for (const [i, path] of PATHS.entries()) {
    const file = young[i * 3];
    if (file) await run('psych_care', file, path.daysAgo, path.reason, path.steps);
  }
  // Orphans within half a year of 18: one just opened, one with the township's plan at the county.
  const nearlyAdult = files.filter((f) => (f.category === 'orphan' || f.category === 'de_facto_orphan') && f.birth_date <= addMonthsToDate(today, -(17 * 12 + 6)));
  const plan: ActionData = { resettlementKind: 'education', resettlementDetail: '县职业中专（2026 级）', amountFen: 500_000 };
  for (const [i, file] of nearlyAdult.slice(0, 2).entries()) {
    await run('adult_resettlement', file, 4 + i * 6, '即将年满 18 周岁，基本生活费终止，办理成年后安置', i === 0 ? [] : [['pass', '安置方案可行，同意报县级确认', plan]]);
  }
  return made;
}
