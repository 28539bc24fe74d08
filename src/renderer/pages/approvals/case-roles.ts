import type { Role } from '../../../shared/domain/roles';

/** Who works cases (the contract's CASE_WORKER); which step each may act on is the workflow's rule. */
export const CASE_WORKERS: readonly Role[] = ['county_clerk', 'county_reviewer', 'township_clerk', 'manager'];

/** Who reviews the record copies of confirmations delegated to townships (备案审查). */
export const FILING_REVIEWERS: readonly Role[] = ['county_reviewer', 'manager'];

export const isCaseWorker = (role: Role) => CASE_WORKERS.includes(role);
