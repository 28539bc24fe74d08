import type { HandlerGroup } from '../rpc/context';
import { viewerOf } from '../ledger/viewer';
import { requireHousehold } from '../households/households.service';
import { caseDetail, caseInbox, casesOfHousehold, followUpsDue, noticeList, reviewsDue } from './cases.queries';
import { flagCrisis, recordFollowUp } from './care-cases.service';
import { actOnCase, actOnCases, extendCase, reviewFiling, startCase, startReviews } from './cases.service';
import { engineEnv } from './engine-env';

export const casesHandlers: HandlerGroup<
  | 'cases.start'
  | 'cases.act'
  | 'cases.batchAct'
  | 'cases.extend'
  | 'cases.reviewFiling'
  | 'cases.flagCrisis'
  | 'cases.followUp'
  | 'cases.followUpsDue'
  | 'cases.inbox'
  | 'cases.get'
  | 'cases.ofHousehold'
  | 'cases.noticeList'
  | 'cases.reviewsDue'
  | 'cases.startReviews'
> = {
  'cases.start': async (input, ctx) => startCase(ctx.db, await engineEnv(ctx), input),
  'cases.act': async (input, ctx) => {
    const result = await actOnCase(ctx.db, await engineEnv(ctx), input);
    return { step: result.step ?? null, outcome: result.outcome ?? null };
  },
  'cases.batchAct': async (input, ctx) => {
    const results = await actOnCases(ctx.db, await engineEnv(ctx), input.items, input.action, input.opinion);
    return { results: results.map((r) => ({ caseId: r.caseId, caseNo: r.caseNo, ok: r.ok, message: r.message })) };
  },
  'cases.extend': async (input, ctx) => ({ caseDue: await extendCase(ctx.db, await engineEnv(ctx), input) }),
  'cases.reviewFiling': async (input, ctx) => {
    await reviewFiling(ctx.db, await engineEnv(ctx), input);
    return { ok: true };
  },
  'cases.flagCrisis': async (input, ctx) => {
    await flagCrisis(ctx.db, await engineEnv(ctx), input);
    return { ok: true };
  },
  'cases.followUp': async (input, ctx) => {
    await recordFollowUp(ctx.db, await engineEnv(ctx), input);
    return { ok: true };
  },
  'cases.followUpsDue': async (input, ctx) => followUpsDue(ctx.db, await engineEnv(ctx), input.withinDays, input.townshipId),
  'cases.inbox': async (input, ctx) => caseInbox(ctx.db, await engineEnv(ctx), input),
  'cases.get': async (input, ctx) => caseDetail(ctx.db, await engineEnv(ctx), viewerOf(ctx), input.id),
  'cases.ofHousehold': async (input, ctx) => {
    await requireHousehold(ctx.db, ctx.scope, input.householdId);
    return casesOfHousehold(ctx.db, await engineEnv(ctx), input.householdId);
  },
  'cases.noticeList': async (input, ctx) => noticeList(ctx.db, await engineEnv(ctx), input.townshipId, input.villageId),
  'cases.reviewsDue': async (input, ctx) => reviewsDue(ctx.db, await engineEnv(ctx), input.withinDays, input.townshipId),
  'cases.startReviews': async (input, ctx) => startReviews(ctx.db, await engineEnv(ctx), input.enrollmentIds),
};
