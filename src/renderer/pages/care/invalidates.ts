import type { MethodName } from '../../../shared/api/contract';

/** The reads a change to a child's file, a visit or a director can alter. */
export const CARE_WRITES: readonly MethodName[] = [
  'care.children.list',
  'care.children.get',
  'care.children.candidates',
  'care.visits.due',
  'care.directors.list',
];
