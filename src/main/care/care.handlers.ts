import { toIsoDate } from '../../shared/domain/dates';
import { seesChildRecords } from '../../shared/domain/roles';
import type { HandlerGroup, UserContext } from '../rpc/context';
import type { FileViewer } from '../ledger/person-file';
import { childCandidates, childDetail, closeChild, listChildren, registerChild, updateChild } from './children.service';
import { listDirectors, saveDirector } from './directors.service';
import { loadVisitPolicy, saveVisitPolicy } from './visit-policy';
import { recordVisit, visitsDue } from './visits.service';

const today = (ctx: UserContext) => toIsoDate(ctx.backend.clock.now());
const childViewer = (ctx: UserContext): FileViewer => ({ seesRecords: seesChildRecords(ctx.user.role), today: today(ctx) });

export const careHandlers: HandlerGroup<
  | 'care.children.list'
  | 'care.children.get'
  | 'care.children.candidates'
  | 'care.children.register'
  | 'care.children.update'
  | 'care.children.close'
  | 'care.visits.record'
  | 'care.visits.due'
  | 'care.directors.list'
  | 'care.directors.save'
  | 'care.policy.get'
  | 'care.policy.save'
> = {
  'care.children.list': (input, ctx) => listChildren(ctx.db, input, ctx.scope, childViewer(ctx)),
  'care.children.get': (input, ctx) => childDetail(ctx.db, input.personId, ctx.scope, childViewer(ctx)),
  'care.children.candidates': (input, ctx) => childCandidates(ctx.db, input.q, ctx.scope, today(ctx)),
  'care.children.register': async (input, ctx) => {
    await registerChild(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return { ok: true };
  },
  'care.children.update': async (input, ctx) => {
    await updateChild(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return { ok: true };
  },
  'care.children.close': async (input, ctx) => {
    await closeChild(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return { ok: true };
  },
  'care.visits.record': (input, ctx) => recordVisit(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'care.visits.due': (input, ctx) => visitsDue(ctx.db, input, ctx.scope, childViewer(ctx)),
  'care.directors.list': (input, ctx) => listDirectors(ctx.db, ctx.scope, input.townshipId),
  'care.directors.save': async (input, ctx) => ({ id: await saveDirector(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, input) }),
  'care.policy.get': (_input, ctx) => loadVisitPolicy(ctx.db),
  'care.policy.save': async (input, ctx) => {
    await saveVisitPolicy(ctx.db, ctx.actor, ctx.backend.clock.now(), input);
    return { ok: true };
  },
};
