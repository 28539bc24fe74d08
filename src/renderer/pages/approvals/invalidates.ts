import type { MethodName } from '../../../shared/api/contract';

/** What any change to a case shows up in: the case, the lists, the household and its enrollments. */
export const CASE_WRITES: readonly MethodName[] = ['cases.get', 'cases.inbox', 'cases.ofHousehold', 'cases.reviewsDue', 'households.get', 'households.timeline'];
