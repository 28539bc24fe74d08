import type { MethodName } from '../../../shared/api/contract';

/** What any change to a household shows up in. */
export const HOUSEHOLD_WRITES: readonly MethodName[] = ['households.get', 'households.timeline', 'ledger.list', 'ageEvents.list', 'workspace.overview'];
