import type { MethodName } from '../../../shared/api/contract';

/** The reads a change to an elder's file, a visit or an assessment can alter. */
export const ELDER_WRITES: readonly MethodName[] = ['elderly.elders.list', 'elderly.elders.get', 'elderly.elders.candidates', 'elderly.visits.due', 'elderly.assessments.list'];

/** The reads a survival check or a stop can alter (a stop ends enrollments, which the turning list shows). */
export const SURVIVAL_WRITES: readonly MethodName[] = ['elderly.survival.list', 'elderly.turning'];
