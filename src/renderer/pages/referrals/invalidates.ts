import type { MethodName } from '../../../shared/api/contract';

/** The reads a new referral, a status move or an organisation's change can alter. */
export const REFERRAL_WRITES: readonly MethodName[] = ['referrals.list', 'referrals.get', 'referrals.organisations.list'];
