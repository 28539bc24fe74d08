/** Choices for a person's coded attributes, from the shared labels. */
import { RELATION_LABELS, RELATIONS } from '../../../shared/domain/household';
import {
  COMMON_ETHNICITIES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  HEALTH_STATES,
  SCHOOL_STATES,
  SELF_CARE_LEVELS,
} from '../../../shared/domain/person-attributes';

const fromRecord = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const RELATION_OPTIONS = RELATIONS.map((value) => ({ value, label: RELATION_LABELS[value] }));
export const ETHNICITY_OPTIONS = COMMON_ETHNICITIES.map((value) => ({ value }));
export const DISABILITY_OPTIONS = fromRecord(DISABILITY_CATEGORIES);
export const DISABILITY_GRADE_OPTIONS = Object.entries(DISABILITY_GRADES).map(([value, label]) => ({ value: Number(value), label }));
export const SELF_CARE_OPTIONS = fromRecord(SELF_CARE_LEVELS);
export const HEALTH_OPTIONS = fromRecord(HEALTH_STATES);
export const SCHOOL_OPTIONS = fromRecord(SCHOOL_STATES);

/** A coded value as its label, '—' when absent; an unknown code is shown as it is. */
export function labelOf(labels: Record<string, string>, code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return labels[String(code)] ?? String(code);
}

export const DEFAULT_ETHNICITY = COMMON_ETHNICITIES[0];
