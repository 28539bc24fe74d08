/** Case kinds as choices, named as their workflows are. */
import { APPLICATION_KINDS, DEFAULT_WORKFLOWS } from '../../../shared/domain/workflow/definitions';
import { CASE_KINDS, type CaseKind } from '../../../shared/domain/workflow/types';

const kindLabel = (kind: CaseKind) => DEFAULT_WORKFLOWS[kind].label;

export const KIND_OPTIONS = CASE_KINDS.map((value) => ({ value, label: kindLabel(value) }));
export const APPLICATION_KIND_OPTIONS = APPLICATION_KINDS.map((value) => ({ value, label: kindLabel(value) }));
