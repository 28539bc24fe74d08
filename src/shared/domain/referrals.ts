/**
 * Referrals (转介, 慈善帮扶衔接): a need of a household or one member, referred to an organisation of the
 * county's list (hospital, counselling service, school, charity project…), followed until it is answered.
 * The status moves are fixed here so the backend and the 更新状态 form offer the same choices.
 */
import { daysBetween } from './dates';
import { CARE_WORKERS, type Role } from './roles';

export const ORGANISATION_KINDS = ['hospital', 'counselling', 'school', 'charity', 'social_org', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  hospital: '医院',
  counselling: '心理咨询服务机构',
  school: '学校',
  charity: '慈善项目',
  social_org: '社会组织',
  other: '其他',
};

export const NEED_KINDS = ['medical', 'psychological', 'education', 'living', 'employment', 'legal', 'other'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const NEED_KIND_LABELS: Record<NeedKind, string> = {
  medical: '医疗救治',
  psychological: '心理支持',
  education: '教育帮扶',
  living: '生活帮扶',
  employment: '就业帮扶',
  legal: '法律援助',
  other: '其他',
};

export const REFERRAL_STATUSES = ['referred', 'accepted', 'in_service', 'completed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  referred: '已转介',
  accepted: '已接收',
  in_service: '服务中',
  completed: '已办结',
  declined: '未接收',
};

/** Where a referral may go from each status; completed and declined are final. */
export const STATUS_MOVES: Record<ReferralStatus, readonly ReferralStatus[]> = {
  referred: ['accepted', 'declined'],
  accepted: ['in_service', 'completed', 'declined'],
  in_service: ['completed'],
  completed: [],
  declined: [],
};

export const canMove = (from: ReferralStatus, to: ReferralStatus) => STATUS_MOVES[from].includes(to);

/** Still waiting for the organisation or being served. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['referred', 'accepted', 'in_service'];
export const CLOSED_STATUSES: readonly ReferralStatus[] = ['completed', 'declined'];
export const isOpenStatus = (status: ReferralStatus) => OPEN_STATUSES.includes(status);
/** Closing a referral records what came of it (办理结果, or why it was not taken on). */
export const needsOutcome = (status: ReferralStatus) => CLOSED_STATUSES.includes(status);

/** An open referral whose answer was expected before today. */
export function isOverdue(ref: { status: ReferralStatus; dueOn: string }, today: string): boolean {
  return isOpenStatus(ref.status) && ref.dueOn < today;
}

/** Days past the due date of an overdue referral; 0 otherwise. */
export const daysOverdue = (ref: { status: ReferralStatus; dueOn: string }, today: string) => (isOverdue(ref, today) ? daysBetween(ref.dueOn, today) : 0);

/** 转介编号: ZJ2026-0001, numbered by the year of the referral. */
export const referralNo = (year: string, n: number) => `ZJ${year}-${String(n).padStart(4, '0')}`;

/**
 * Who sees referrals whole (names, ID numbers, the need, the outcome and notes): the same clerks who keep
 * children's records. Managers and administrators see them masked, like child files.
 */
export const seesReferralRecords = (role: Role) => CARE_WORKERS.includes(role);
