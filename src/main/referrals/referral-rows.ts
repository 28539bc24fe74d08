/**
 * Reading referrals as rows: the referral with its household, the person concerned (the member, or the head
 * for a household's need), place, organisation and case, and whether it is overdue today. Roles without need
 * (seesReferralRecords) get names and ID numbers masked.
 */
import { sql } from 'kysely';
import { maskName } from '../../shared/domain/care';
import { maskIdNumber } from '../../shared/domain/id-number';
import { daysOverdue, isOverdue, OPEN_STATUSES, type NeedKind, type OrganisationKind, type ReferralStatus } from '../../shared/domain/referrals';
import type { ReferralRow } from '../../shared/api/referrals.schemas';
import type { Executor } from '../db/schema';

export interface ReferralViewer {
  seesRecords: boolean;
  today: string;
}

/** The open statuses as SQL parameters. */
export const openStatuses = () => sql.join([...OPEN_STATUSES]);

export function referralRowsQuery(db: Executor) {
  return (
    db
      .selectFrom('referrals as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      // The person concerned: the member named, else the head; `p` is what the search box matches.
      .leftJoin('persons as p', (join) => join.on(sql<boolean>`p.id = coalesce(r.person_id, h.head_person_id)`))
      .innerJoin('townships as t', 't.id', 'r.township_id')
      .leftJoin('villages as v', 'v.id', 'h.village_id')
      .innerJoin('care_organisations as o', 'o.id', 'r.organisation_id')
      .leftJoin('cases as c', 'c.id', 'r.case_id')
      .select((eb) => [
        'r.id',
        'r.referral_no',
        'r.household_id',
        'r.person_id',
        'r.township_id',
        'r.need_kind',
        'r.organisation_id',
        'r.referred_on',
        'r.due_on',
        'r.status',
        'r.closed_on',
        'r.case_id',
        'r.version',
        'p.name as subject_name',
        'p.id_number as subject_id_number',
        eb.selectFrom('persons as head').select('head.name').whereRef('head.id', '=', 'h.head_person_id').as('head_name'),
        't.name as township_name',
        'v.name as village_name',
        'o.name as organisation_name',
        'o.kind as organisation_kind',
        'c.case_no',
      ])
  );
}

type Raw = Awaited<ReturnType<ReturnType<typeof referralRowsQuery>['execute']>>[number];

export function toReferralRow(r: Raw, viewer: ReferralViewer): ReferralRow {
  const status = r.status as ReferralStatus;
  const name = (value: string | null) => (value && !viewer.seesRecords ? maskName(value) : value);
  const ref = { status, dueOn: r.due_on };
  return {
    id: r.id,
    referralNo: r.referral_no,
    householdId: r.household_id,
    personId: r.person_id,
    personName: r.person_id ? name(r.subject_name) : null,
    headName: name(r.head_name),
    idNumber: r.subject_id_number && (viewer.seesRecords ? r.subject_id_number : maskIdNumber(r.subject_id_number)),
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageName: r.village_name,
    needKind: r.need_kind as NeedKind,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind as OrganisationKind,
    referredOn: r.referred_on,
    dueOn: r.due_on,
    status,
    closedOn: r.closed_on,
    overdue: isOverdue(ref, viewer.today),
    daysOverdue: daysOverdue(ref, viewer.today),
    caseId: r.case_id,
    caseNo: r.case_no,
    version: r.version,
  };
}
