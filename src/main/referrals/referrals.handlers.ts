import { toIsoDate } from '../../shared/domain/dates';
import { seesReferralRecords } from '../../shared/domain/referrals';
import type { HandlerGroup, UserContext } from '../rpc/context';
import { listOrganisations, saveOrganisation } from './organisations.service';
import type { ReferralViewer } from './referral-rows';
import { createReferral, listReferrals, referralCandidates, referralDetail, updateReferral } from './referrals.service';

const today = (ctx: UserContext) => toIsoDate(ctx.backend.clock.now());
const viewer = (ctx: UserContext): ReferralViewer => ({ seesRecords: seesReferralRecords(ctx.user.role), today: today(ctx) });

export const referralsHandlers: HandlerGroup<
  'referrals.list' | 'referrals.get' | 'referrals.candidates' | 'referrals.create' | 'referrals.update' | 'referrals.organisations.list' | 'referrals.organisations.save'
> = {
  'referrals.list': (input, ctx) => listReferrals(ctx.db, input, ctx.scope, viewer(ctx)),
  'referrals.get': (input, ctx) => referralDetail(ctx.db, input.id, ctx.scope, viewer(ctx)),
  'referrals.candidates': (input, ctx) => referralCandidates(ctx.db, input.q, ctx.scope, today(ctx)),
  'referrals.create': (input, ctx) => createReferral(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'referrals.update': async (input, ctx) => {
    await updateReferral(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return { ok: true };
  },
  'referrals.organisations.list': (input, ctx) => listOrganisations(ctx.db, ctx.scope, input),
  'referrals.organisations.save': async (input, ctx) => ({ id: await saveOrganisation(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, input) }),
};
