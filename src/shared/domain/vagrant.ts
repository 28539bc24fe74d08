/**
 * Aid to people found homeless or begging (流浪乞讨人员救助): how a person came to the station, the services
 * given, where they went when they left, and how long they stayed. Stays are short (about ten days): a
 * stay is counted in calendar days from admission, the day of admission counting as one.
 */
import { daysBetween } from './dates';
import { CARE_WORKERS, type Role } from './roles';

export const FOUND_BY = ['police', 'urban_mgmt', 'public', 'patrol', 'self', 'other'] as const;
export type FoundBy = (typeof FOUND_BY)[number];
export const FOUND_BY_LABELS: Record<FoundBy, string> = {
  police: '公安移送',
  urban_mgmt: '城管移送',
  public: '群众报告',
  patrol: '街面巡查',
  self: '主动求助',
  other: '其他',
};

export const RESCUE_SERVICES = ['food_lodging', 'medical', 'psych', 'family_search', 'clothing', 'ticket', 'other'] as const;
export type RescueService = (typeof RESCUE_SERVICES)[number];
export const RESCUE_SERVICE_LABELS: Record<RescueService, string> = {
  food_lodging: '食宿',
  medical: '医疗救治',
  psych: '心理疏导',
  family_search: '寻亲服务',
  clothing: '衣物',
  ticket: '乘车凭证',
  other: '其他',
};

export const RESCUE_OUTCOMES = ['escorted_home', 'family_pickup', 'self_left', 'transferred', 'settled', 'died'] as const;
export type RescueOutcome = (typeof RESCUE_OUTCOMES)[number];
export const RESCUE_OUTCOME_LABELS: Record<RescueOutcome, string> = {
  escorted_home: '护送返乡',
  family_pickup: '亲属接回',
  self_left: '自行离站',
  transferred: '转送（医疗/福利机构）',
  settled: '落户安置',
  died: '死亡',
};

/** Outcomes that send the person somewhere the record must name: home (护送返乡) or an institution (转送). */
export const OUTCOMES_WITH_DESTINATION: readonly RescueOutcome[] = ['escorted_home', 'transferred'];

export const RESCUE_STATES = ['in_station', 'left'] as const;
export type RescueState = (typeof RESCUE_STATES)[number];
export const RESCUE_STATE_LABELS: Record<RescueState, string> = { in_station: '在站', left: '已离站' };

/** Days in the station: admission to leaving (or to today while still there), at least one. */
export function stayDays(admittedOn: string, leftOn: string | null, today: string): number {
  return Math.max(1, daysBetween(admittedOn, leftOn ?? today));
}

/** 'JZ2026-0007': the rescue number, counted per year of admission. */
export const rescueNo = (year: string, n: number) => `JZ${year}-${String(n).padStart(4, '0')}`;
export const RESCUE_NO_PATTERN = /^JZ(\d{4})-(\d{4,})$/;

/** How a person is named in lists: their name, or what is known of someone whose identity is not. */
export function rescueTitle(r: { identityKnown: boolean; name: string | null; sex: 'male' | 'female'; age: number | null }): string {
  if (r.identityKnown && r.name) return r.name;
  const sex = r.sex === 'male' ? '男' : '女';
  return r.age === null ? `身份不明（${sex}）` : `身份不明（${sex}，约${r.age}岁）`;
}

/** Who keeps rescue records and sees names and ID numbers whole: the same clerks who keep care records. */
export const seesRescueRecords = (role: Role) => CARE_WORKERS.includes(role);
