import { toIsoDate } from '../../shared/domain/dates';
import { seesRescueRecords } from '../../shared/domain/vagrant';
import type { HandlerGroup, UserContext } from '../rpc/context';
import { rescueMonthly } from './vagrant-monthly';
import type { RescueViewer } from './vagrant-rows';
import { createRescue, listRescues, rescueDetail, updateRescue } from './vagrant.service';

const today = (ctx: UserContext) => toIsoDate(ctx.backend.clock.now());
const viewer = (ctx: UserContext): RescueViewer => ({ seesRecords: seesRescueRecords(ctx.user.role), today: today(ctx) });

export const vagrantHandlers: HandlerGroup<'vagrant.list' | 'vagrant.get' | 'vagrant.create' | 'vagrant.update' | 'vagrant.monthly'> = {
  'vagrant.list': (input, ctx) => listRescues(ctx.db, input, ctx.scope, viewer(ctx)),
  'vagrant.get': (input, ctx) => rescueDetail(ctx.db, input.id, ctx.scope, viewer(ctx)),
  'vagrant.create': (input, ctx) => createRescue(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'vagrant.update': (input, ctx) => updateRescue(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, today(ctx), input),
  'vagrant.monthly': (input, ctx) => rescueMonthly(ctx.db, input.year, ctx.scope, input.townshipId, today(ctx)),
};
