/**
 * Live feedback on a typed ID number: the problem in Chinese, and what the number says about its holder
 * (sex, birth date, age). The rules are the shared ones; this only words and schedules them.
 */
import type { FormRule } from 'antd';
import { ageOn, toIsoDate } from '../../../shared/domain/dates';
import { checkIdNumber, looksLikeScientificNotation, normalizeIdNumber } from '../../../shared/domain/id-number';
import { SEX_LABELS } from '../../../shared/domain/person-attributes';
import { ID_PROBLEM_LABELS } from '../../../shared/labels';

export function idProblemOf(raw: string): string | null {
  const checked = checkIdNumber(raw);
  return checked.ok ? null : ID_PROBLEM_LABELS[checked.problem];
}

export interface IdDerived {
  sex: string;
  birthDate: string;
  age: number;
}

/** Sex, birth date and today's age read from a valid ID number; null while it is not one. */
export function derivedFromId(raw: string | null | undefined): IdDerived | null {
  if (!raw) return null;
  const checked = checkIdNumber(raw);
  if (!checked.ok) return null;
  const { sex, birthDate } = checked.info;
  return { sex: SEX_LABELS[sex], birthDate, age: ageOn(birthDate, toIsoDate(new Date())) };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const isUnchanged = (value: string, unchanged: string | undefined) => unchanged !== undefined && value === unchanged;

/**
 * Rules for an ID number field (use with validateFirst and validateTrigger ['onChange', 'onBlur']): while
 * typing, a problem shows once 18 characters are in; on leaving the field, always. `unchanged` is the value
 * the field started with when it need not be checked again (a number the server masked).
 */
export function idNumberRules(unchanged?: string): FormRule[] {
  return [
    { required: true, whitespace: true, message: '请填写身份证号码', validateTrigger: 'onBlur' },
    {
      validateTrigger: 'onChange',
      validator: async (_rule, value: unknown) => {
        const raw = text(value);
        if (isUnchanged(raw, unchanged)) return;
        if (normalizeIdNumber(raw).length < 18 && !looksLikeScientificNotation(raw)) return;
        const problem = idProblemOf(raw);
        if (problem) throw new Error(problem);
      },
    },
    {
      validateTrigger: 'onBlur',
      validator: async (_rule, value: unknown) => {
        const raw = text(value);
        if (!raw.trim() || isUnchanged(raw, unchanged)) return;
        const problem = idProblemOf(raw);
        if (problem) throw new Error(problem);
      },
    },
  ];
}

export const ID_VALIDATE_TRIGGERS = ['onChange', 'onBlur'];
