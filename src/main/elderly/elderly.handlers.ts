import { toIsoDate } from '../../shared/domain/dates';
import { CARE_WORKERS, seesFullIdNumbers } from '../../shared/domain/roles';
import type { HandlerGroup, UserContext } from '../rpc/context';
import { listAssessments, recordAssessment } from './assessments.service';
import { loadElderPolicy, saveElderPolicy } from './elder-policy';
import { eldersDue, recordElderVisit } from './elder-visits.service';
import { closeElder, elderCandidates, elderDetail, listElders, registerElder, updateElder } from './elders.service';
import type { ElderlyViewer } from './elderly-viewer';
import { listSurvival, recordSurvival, stopMissing } from './survival.service';
import { turning } from './turning.service';

const today = (ctx: UserContext) => toIsoDate(ctx.backend.clock.now());
const viewer = (ctx: UserContext): ElderlyViewer => ({ seesIds: seesFullIdNumbers(ctx.user.role), seesRecords: CARE_WORKERS.includes(ctx.user.role), today: today(ctx) });
const done = { ok: true } as const;

export const elderlyHandlers: HandlerGroup<
  | 'elderly.turning'
  | 'elderly.survival.list'
  | 'elderly.survival.record'
  | 'elderly.survival.stopMissing'
  | 'elderly.assessments.list'
  | 'elderly.assessments.record'
  | 'elderly.elders.list'
  | 'elderly.elders.get'
  | 'elderly.elders.candidates'
  | 'elderly.elders.register'
  | 'elderly.elders.update'
  | 'elderly.elders.close'
  | 'elderly.visits.record'
  | 'elderly.visits.due'
  | 'elderly.policy.get'
  | 'elderly.policy.save'
> = {
  'elderly.turning': (input, ctx) => turning(ctx.db, ctx.scope, viewer(ctx), input),
  'elderly.survival.list': (input, ctx) => listSurvival(ctx.db, input, ctx.scope, viewer(ctx)),
  'elderly.survival.record': (input, ctx) => recordSurvival(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'elderly.survival.stopMissing': (input, ctx) => stopMissing(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input.period),
  'elderly.assessments.list': (input, ctx) => listAssessments(ctx.db, ctx.scope, viewer(ctx), input.personId),
  'elderly.assessments.record': (input, ctx) => recordAssessment(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'elderly.elders.list': (input, ctx) => listElders(ctx.db, input, ctx.scope, viewer(ctx)),
  'elderly.elders.get': (input, ctx) => elderDetail(ctx.db, input.personId, ctx.scope, viewer(ctx)),
  'elderly.elders.candidates': (input, ctx) => elderCandidates(ctx.db, input.q, ctx.scope, today(ctx)),
  'elderly.elders.register': async (input, ctx) => {
    await registerElder(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return done;
  },
  'elderly.elders.update': async (input, ctx) => {
    await updateElder(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return done;
  },
  'elderly.elders.close': async (input, ctx) => {
    await closeElder(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input);
    return done;
  },
  'elderly.visits.record': (input, ctx) => recordElderVisit(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'elderly.visits.due': (input, ctx) => eldersDue(ctx.db, input, ctx.scope, viewer(ctx)),
  'elderly.policy.get': (_input, ctx) => loadElderPolicy(ctx.db),
  'elderly.policy.save': async (input, ctx) => {
    await saveElderPolicy(ctx.db, ctx.actor, ctx.backend.clock.now(), input);
    return done;
  },
};
