/**
 * Building stored rows from what a clerk typed: the ID number decides sex and birth date (never typed
 * twice); names are trimmed of stray spaces and line breaks; search keys are derived.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { checkIdNumber } from '../../shared/domain/id-number';
import { ID_PROBLEM_LABELS } from '../../shared/labels';
import type { Relation } from '../../shared/domain/household';
import type { PersonsTable } from '../db/tables/households.table';
import { nameInitials, reversed } from './search-keys';

export interface PersonFields {
  name: string;
  idNumber: string;
  relation: Relation;
  ethnicity?: string | null;
  disabilityCategory?: string | null;
  disabilityGrade?: number | null;
  selfCare?: string | null;
  health?: string | null;
  schoolStatus?: string | null;
  notes?: string | null;
}


export const cleanName = (name: string) => name.replace(/[\s\u3000]+/g, '').trim();

/** Checks the ID and returns the person's derived fields, or pushes an issue at `path` and returns null. */
export function personRow(
  input: PersonFields,
  ids: { id: string; householdId: string | null },
  now: string,
  issues: FieldIssue[],
  path: (string | number)[],
): PersonsTable | null {
  const checked = checkIdNumber(input.idNumber);
  if (!checked.ok) {
    issues.push({ path: [...path, 'idNumber'], message: ID_PROBLEM_LABELS[checked.problem] });
    return null;
  }
  const name = cleanName(input.name);
  if (!name) {
    issues.push({ path: [...path, 'name'], message: '请填写姓名' });
    return null;
  }
  const { idNumber, sex, birthDate } = checked.info;
  return {
    id: ids.id,
    household_id: ids.householdId,
    relation: input.relation,
    deceased_on: null,
    id_number: idNumber,
    name,
    sex,
    birth_date: birthDate,
    ethnicity: input.ethnicity ?? null,
    disability_category: input.disabilityCategory ?? null,
    disability_grade: input.disabilityGrade ?? null,
    self_care: input.selfCare ?? null,
    health: input.health ?? null,
    school_status: input.schoolStatus ?? null,
    notes: input.notes ?? null,
    name_initials: nameInitials(name),
    id_rev: reversed(idNumber),
    import_batch_id: null,
    created_at: now,
    updated_at: now,
  };
}

export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { fields: issues });
}
