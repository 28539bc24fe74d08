/** Elderly care: survival checks, ability assessments, the file of elderly with special difficulties and their visits (migration 0010). */
import type { FileVisitColumns, PersonFileColumns } from './person-file.table';

export interface SurvivalChecksTable {
  id: string;
  person_id: string;
  /** 'YYYY-H1' or 'YYYY-H2'; one check per person and period. */
  period: string;
  checked_on: string;
  /** A SurvivalMethod: face, home, video, institution. */
  method: string;
  /** 'alive' or 'deceased'; the person's own record is not edited by a check. */
  result: string;
  deceased_on: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ElderAssessmentsTable {
  id: string;
  person_id: string;
  assessed_on: string;
  assessor: string;
  organisation: string;
  /** GB/T 42195-2022 total, 0–90, when the form gives it. */
  score: number | null;
  /** An AssessmentLevel. */
  level: string;
  notes: string | null;
  /** A year after the assessment. */
  next_due_on: string;
  recorded_by: string;
  recorded_at: string;
}

export interface EldersTable extends PersonFileColumns {
  /** The elder is a person of the ledger: one file per person. */
  person_id: string;
  /** ElderDifficulty values as a comma list in canonical order (joinDifficulties). */
  difficulties: string;
  contact_name: string | null;
  contact_phone: string | null;
}

export interface ElderVisitsTable extends FileVisitColumns {
  person_id: string;
}
