/**
 * 帮扶机构: the hospitals, counselling services, schools, charity projects and social organisations the county
 * refers needs to. An organisation serves the whole county (township null) or one township; township clerks
 * keep their own township's and see the county-wide ones too.
 */
import { sql } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { OrganisationKind } from '../../shared/domain/referrals';
import type { Scope } from '../../shared/domain/roles';
import type { Organisation } from '../../shared/api/referrals.schemas';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { newId } from '../app/ids';
import { openStatuses } from './referral-rows';

export async function listOrganisations(db: Executor, scope: Scope, filter: { activeOnly?: boolean; townshipId?: string }): Promise<Organisation[]> {
  const township = filter.townshipId ?? (scope.kind === 'township' ? scope.townshipId : undefined);
  let q = db
    .selectFrom('care_organisations as o')
    .leftJoin('townships as t', 't.id', 'o.township_id')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.kind',
      'o.services',
      'o.contact_name',
      'o.phone',
      'o.township_id',
      't.name as township_name',
      'o.active',
      // A township clerk counts only their own township's referrals.
      eb
        .selectFrom('referrals as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.organisation_id', '=', 'o.id')
        .where(sql<boolean>`r.status in (${openStatuses()})`)
        .$if(scope.kind === 'township', (sub) => sub.where('r.township_id', '=', (scope as { townshipId: string }).townshipId))
        .as('open_referrals'),
    ]);
  // Those serving the township: the county-wide ones and its own.
  if (township) q = q.where((eb) => eb.or([eb('o.township_id', 'is', null), eb('o.township_id', '=', township)]));
  if (filter.activeOnly) q = q.where('o.active', '=', 1);
  const rows = await q.orderBy('o.active', 'desc').orderBy('t.code').orderBy('o.kind').orderBy('o.name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as OrganisationKind,
    services: r.services,
    contactName: r.contact_name,
    phone: r.phone,
    townshipId: r.township_id,
    townshipName: r.township_name,
    active: r.active === 1,
    openReferrals: Number(r.open_referrals ?? 0),
  }));
}

export interface OrganisationInput {
  id?: string;
  name: string;
  kind: OrganisationKind;
  services: string | null;
  contactName: string | null;
  phone: string | null;
  townshipId: string | null;
  active: boolean;
}

const OWN_TOWNSHIP_ONLY = '乡镇（街道）经办员只能登记和修改本乡镇（街道）的帮扶机构';

export async function saveOrganisation(db: LedgerDb, actor: Actor, at: Date, scope: Scope, input: OrganisationInput): Promise<string> {
  // The router refuses another township's id; a county-wide organisation (null) is the county's to keep.
  if (scope.kind === 'township' && input.townshipId !== scope.townshipId) throw new AppError('FORBIDDEN', OWN_TOWNSHIP_ONLY);
  return db.transaction().execute(async (trx) => {
    if (input.townshipId && !(await trx.selectFrom('townships').select('id').where('id', '=', input.townshipId).executeTakeFirst())) {
      throw fieldError('townshipId', '所选乡镇（街道）不存在');
    }
    if (input.active) {
      const same = await trx.selectFrom('care_organisations').select('id').where('name', '=', input.name).where('active', '=', 1).$if(Boolean(input.id), (q) => q.where('id', '!=', input.id!)).executeTakeFirst();
      if (same) throw fieldError('name', `已有同名的在用机构：${input.name}`);
    }
    const now = at.toISOString();
    const values = { name: input.name, kind: input.kind, services: input.services, contact_name: input.contactName, phone: input.phone, township_id: input.townshipId, active: input.active ? 1 : 0, updated_at: now };
    if (input.id) {
      const before = await trx.selectFrom('care_organisations').select(['township_id', 'active']).where('id', '=', input.id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', '找不到该帮扶机构');
      if (scope.kind === 'township' && before.township_id !== scope.townshipId) throw new AppError('FORBIDDEN', OWN_TOWNSHIP_ONLY);
      if (input.townshipId && input.townshipId !== before.township_id) {
        // Narrowing whom it serves would leave other townships' open referrals with an organisation not theirs.
        const elsewhere = await trx
          .selectFrom('referrals')
          .select('id')
          .where('organisation_id', '=', input.id)
          .where('township_id', '!=', input.townshipId)
          .where(sql<boolean>`status in (${openStatuses()})`)
          .executeTakeFirst();
        if (elsewhere) throw new AppError('CONFLICT', '该机构仍有其他乡镇（街道）的在办转介，办结后才能改为只服务一个乡镇（街道）');
      }
      await trx.updateTable('care_organisations').set(values).where('id', '=', input.id).execute();
      await recordAudit(trx, actor, at, { action: 'care_organisation.update', entity: 'care_organisation', entityId: input.id, after: { kind: input.kind, townshipId: input.townshipId, active: input.active } });
      return input.id;
    }
    const id = newId();
    await trx.insertInto('care_organisations').values({ id, ...values, created_at: now }).execute();
    await recordAudit(trx, actor, at, { action: 'care_organisation.create', entity: 'care_organisation', entityId: id, after: { kind: input.kind, townshipId: input.townshipId, active: input.active } });
    return id;
  });
}
