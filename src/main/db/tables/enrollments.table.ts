/** Enrollments (在保记录): who is in which program, from when, for how much (fen), confirmed by whom. */
export interface EnrollmentsTable {
  id: string;
  program: string;
  household_id: string;
  /** The household's township (moves with the household), for counts by township. */
  township_id: string;
  /** Null for household programs (低保…), whose covered persons are in enrollment_members. */
  person_id: string | null;
  category: string | null;
  status: string;
  start_month: string;
  end_month: string | null;
  monthly_amount_fen: number;
  standard_id: string | null;
  /** 'initial_load' (建账), 'workflow' or 'import'. */
  source: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  /** When the next periodic review (复核) falls due; its interval depends on unstable_income. */
  next_review_on: string | null;
  unstable_income: number;
  /** The case that created it (source 'workflow'). */
  case_id: string | null;
  /** The 建账 batch that entered the enrollment; null when entered by a case. */
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnrollmentMembersTable {
  enrollment_id: string;
  person_id: string;
}

/** Program standards, one row per item and effective date; a calculation uses the one in force in its month. */
export interface StandardsTable {
  id: string;
  item: string;
  amount_fen: number;
  effective_from: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}
