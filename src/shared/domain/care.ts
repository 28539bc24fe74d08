/**
 * Care work for children (儿童关爱): the categories of the child ledger, guardianship, pairing, visit kinds,
 * and when the next visit (探视巡访) is due. Intervals are *local*: the county administrator sets them; the
 * defaults follow the provincial plans (monthly where guardianship is lacking, quarterly otherwise).
 */
import { addMonthsToDate } from './dates';

export const CHILD_CATEGORIES = ['orphan', 'de_facto_orphan', 'in_difficulty', 'left_behind', 'migrant'] as const;
export type ChildCategory = (typeof CHILD_CATEGORIES)[number];
export const CHILD_CATEGORY_LABELS: Record<ChildCategory, string> = {
  orphan: '孤儿',
  de_facto_orphan: '事实无人抚养儿童',
  in_difficulty: '困境儿童',
  left_behind: '农村留守儿童',
  migrant: '流动儿童',
};

/** Why a 困境儿童 is in difficulty. */
export const DIFFICULTY_CAUSES = ['poverty', 'illness', 'disability', 'guardian_lacking', 'other'] as const;
export type DifficultyCause = (typeof DIFFICULTY_CAUSES)[number];
export const DIFFICULTY_CAUSE_LABELS: Record<DifficultyCause, string> = {
  poverty: '家庭经济困难',
  illness: '自身重病',
  disability: '自身残疾',
  guardian_lacking: '监护缺失或不力',
  other: '其他',
};

export const GUARDIANSHIPS = ['parents', 'relatives', 'entrusted', 'state', 'lacking'] as const;
export type Guardianship = (typeof GUARDIANSHIPS)[number];
export const GUARDIANSHIP_LABELS: Record<Guardianship, string> = {
  parents: '父母监护',
  relatives: '亲属监护',
  entrusted: '委托照护',
  state: '国家监护',
  lacking: '监护缺失',
};

export const PAIRING_KINDS = ['teacher', 'volunteer', 'cadre'] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];
export const PAIRING_KIND_LABELS: Record<PairingKind, string> = { teacher: '教师', volunteer: '志愿者', cadre: '村（社区）干部' };

export const VISIT_KINDS = ['home', 'school', 'phone'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { home: '入户探访', school: '到校探访', phone: '电话/视频' };

/** Months between visits: by category, and a shorter one wherever guardianship is lacking or entrusted. */
export interface VisitPolicy {
  byCategory: Record<ChildCategory, number>;
  guardianshipLacking: number;
  /** Days ahead a visit counts as due soon (本周待访). */
  dueSoonDays: number;
}

export const DEFAULT_VISIT_POLICY: VisitPolicy = {
  byCategory: { orphan: 3, de_facto_orphan: 1, in_difficulty: 3, left_behind: 3, migrant: 6 },
  guardianshipLacking: 1,
  dueSoonDays: 7,
};

/** Guardianships that call for the shorter interval. */
export const WEAK_GUARDIANSHIPS: readonly Guardianship[] = ['lacking', 'entrusted'];

export function visitIntervalMonths(policy: VisitPolicy, category: ChildCategory, guardianship: Guardianship): number {
  const base = policy.byCategory[category];
  return WEAK_GUARDIANSHIPS.includes(guardianship) ? Math.min(base, policy.guardianshipLacking) : base;
}

/** The day the next visit is due: an interval after the last visit, or after the child was registered. */
export function nextVisitDue(policy: VisitPolicy, child: { category: ChildCategory; guardianship: Guardianship; lastVisitedOn: string | null; openedOn: string }): string {
  return addMonthsToDate(child.lastVisitedOn ?? child.openedOn, visitIntervalMonths(policy, child.category, child.guardianship));
}

/** The age a child leaves the ledger of the category (留守 at 16, everyone else at 18). */
export const leavesLedgerAt = (category: ChildCategory) => (category === 'left_behind' ? 16 : 18);

/** A name shown to roles without need: the family name and a mask (张**). */
export const maskName = (name: string) => (name.length <= 1 ? name : name.slice(0, 1) + '*'.repeat(Math.min(name.length - 1, 3)));
