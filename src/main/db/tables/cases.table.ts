/** Approval cases (审批案件), their covered members, and every action taken on them (办理记录). */
export interface CasesTable {
  id: string;
  /** 案件编号, YYYY-NNNNN by year of intake. */
  case_no: string;
  kind: string;
  program: string;
  household_id: string;
  township_id: string;
  /** The person concerned, for person programs (特困, 高龄津贴). */
  person_id: string | null;
  /** Changes, stops and reviews: the enrollment acted on; approved applications: the one created. */
  enrollment_id: string | null;
  category: string | null;
  status: string;
  outcome: string | null;
  /** The current step, its level and roles (',a,b,' for the inbox), since when and until when. */
  step: string | null;
  step_level: string | null;
  step_roles: string | null;
  step_since: string | null;
  step_due: string | null;
  opened_on: string;
  case_due: string;
  extended_reason: string | null;
  /** The effective workflow definition the case was opened under (workflow_definitions.id). */
  definition_id: string;
  /** The application and what the steps found (JSON, see cases/case-data.ts). */
  data: string;
  amount_fen: number | null;
  standard_id: string | null;
  delegated: number;
  filing_reviewed_at: string | null;
  filing_reviewed_by: string | null;
  filing_opinion: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Bumped by every action: an action on a stale page is refused instead of overwriting. */
  version: number;
  /** 心理关爱个案 flagged as a crisis (1), at any stage (migration 0012). */
  crisis: number;
  /** A discharged 心理关爱个案: when it is next followed up (随访); null when none is due. */
  follow_up_on: string | null;
  /** The 核对 batch that started the case (withdrawn if the batch is undone); null otherwise. */
  import_batch_id: string | null;
}

export interface CaseMembersTable {
  case_id: string;
  person_id: string;
}

export interface CaseStepsTable {
  id: string;
  case_id: string;
  seq: number;
  step: string;
  action: string;
  opinion: string;
  user_id: string;
  /** The actor's name and role as they were, for printed forms. */
  user_name: string;
  role: string;
  acted_at: string;
  on_date: string;
  /** What was recorded with the action (JSON), or null. */
  data: string | null;
}

/** Every effective definition a case was opened under, once, by the hash of its JSON. */
export interface WorkflowDefinitionsTable {
  id: string;
  kind: string;
  definition: string;
  created_at: string;
}

/** A county's edits of a default workflow (JSON WorkflowOverrides). */
export interface WorkflowOverridesTable {
  kind: string;
  overrides: string;
  updated_by: string | null;
  updated_at: string;
}
