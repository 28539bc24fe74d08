/** Referrals (转介) of a household's or a member's need to the county's organisations (migration 0009). */
export interface CareOrganisationsTable {
  id: string;
  name: string;
  /** An OrganisationKind: hospital, counselling, school, charity, social_org, other. */
  kind: string;
  services: string | null;
  contact_name: string | null;
  phone: string | null;
  /** Null: serves the whole county. */
  township_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ReferralsTable {
  id: string;
  /** 转介编号: ZJ + year of the referral + '-' + four digits. */
  referral_no: string;
  household_id: string;
  /** The member whose need it is, or null for the household's. */
  person_id: string | null;
  /** The household's township when referred, for scope and the lists. */
  township_id: string;
  need_kind: string;
  need: string;
  organisation_id: string;
  referred_on: string;
  /** The answer is expected by this day; open referrals past it are overdue. */
  due_on: string;
  status: string;
  /** Required once completed or declined. */
  outcome: string | null;
  closed_on: string | null;
  /** The approval case it was opened from, if any. */
  case_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Bumped by every status move: an update from a stale page is refused. */
  version: number;
}

export interface ReferralEventsTable {
  id: string;
  referral_id: string;
  seq: number;
  status: string;
  on_date: string;
  note: string | null;
  /** The clerk's display name as it was. */
  user_name: string;
  acted_at: string;
}
