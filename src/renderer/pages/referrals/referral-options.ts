/** Choices and labels of referrals, from the shared domain labels. */
import { REFERRAL_STATUS_FILTERS, type ReferralCandidate, type ReferralRow, type ReferralStatusFilter } from '../../../shared/api/referrals.schemas';
import { placeOf } from '../../app/format';
import { NEED_KIND_LABELS, NEED_KINDS, ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, REFERRAL_STATUS_LABELS, type ReferralStatus } from '../../../shared/domain/referrals';

const GROUP_LABELS: Record<'open' | 'overdue' | 'closed', string> = { open: '在办（未结束）', overdue: '已逾期', closed: '已结束' };

export const statusFilterLabel = (value: ReferralStatusFilter) => (value in GROUP_LABELS ? GROUP_LABELS[value as keyof typeof GROUP_LABELS] : REFERRAL_STATUS_LABELS[value as ReferralStatus]);

export const STATUS_FILTER_OPTIONS = REFERRAL_STATUS_FILTERS.map((value) => ({ value, label: statusFilterLabel(value) }));
export const NEED_KIND_OPTIONS = NEED_KINDS.map((value) => ({ value, label: NEED_KIND_LABELS[value] }));
export const ORGANISATION_KIND_OPTIONS = ORGANISATION_KINDS.map((value) => ({ value, label: ORGANISATION_KIND_LABELS[value] }));

export const STATUS_COLORS: Record<ReferralStatus, string> = { referred: 'blue', accepted: 'cyan', in_service: 'processing', completed: 'success', declined: 'default' };

/** The person concerned as one line: the member, or the household by its head. */
export function subjectOf(row: Pick<ReferralRow, 'personName' | 'headName' | 'personId'>): string {
  if (row.personId) return row.personName ?? '—';
  return row.headName ? `${row.headName}户（全户）` : '全户';
}

/** How long an answer may usually take (反馈期限), in days after the referral. */
export const DEFAULT_DUE_DAYS = 15;

/** A person found for a referral, with their household's head. */
export const referralCandidateLabel = (c: ReferralCandidate) => `${c.name} ${c.idNumber} ${c.age}岁 ${c.isHead ? '户主' : `户主：${c.headName ?? '—'}`} ${placeOf(c)}`;
