/** Staff roles. Township clerks are bound to one township; everyone else works county-wide. */
export const ROLES = ['admin', 'county_reviewer', 'county_clerk', 'township_clerk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export function isTownshipBound(role: Role): boolean {
  return role === 'township_clerk';
}

/** A signed-in user's reach: the whole county, or one township. */
export type Scope = { kind: 'county' } | { kind: 'township'; townshipId: string };

export function scopeOf(role: Role, townshipId: string | null): Scope {
  if (isTownshipBound(role)) {
    if (!townshipId) throw new Error('township clerk without a township');
    return { kind: 'township', townshipId };
  }
  return { kind: 'county' };
}

export function canSeeTownship(scope: Scope, townshipId: string): boolean {
  return scope.kind === 'county' || scope.townshipId === townshipId;
}

/**
 * Who sees whole ID numbers in lists and records: the clerks and reviewers who register and check people.
 * Administrators and managers see them masked (431122********1234).
 */
export function seesFullIdNumbers(role: Role): boolean {
  return role === 'county_clerk' || role === 'county_reviewer' || role === 'township_clerk';
}

/** Who may register and edit households and persons. */
export const LEDGER_EDITORS: readonly Role[] = ['admin', 'county_clerk', 'county_reviewer', 'township_clerk'];

/** Who works cases; which step each may act on is the workflow's rule, checked by the engine. */
export const CASE_WORKERS: readonly Role[] = ['county_clerk', 'county_reviewer', 'township_clerk', 'manager'];
export const isCaseWorker = (role: Role) => CASE_WORKERS.includes(role);

/** County staff who confirm, extend any case and review record copies of delegated confirmations (备案审查). */
export const COUNTY_REVIEWERS: readonly Role[] = ['county_reviewer', 'manager'];

/**
 * Who keeps children's care records and sees them whole (names, ID numbers, guardians, health, what visits
 * found): the clerks. Managers and administrators see counts and due dates with names and details masked.
 */
export const CARE_WORKERS: readonly Role[] = ['county_clerk', 'county_reviewer', 'township_clerk'];
export const seesChildRecords = (role: Role) => CARE_WORKERS.includes(role);
