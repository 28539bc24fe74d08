/**
 * Reading rescue records as rows: the record with the township where the person was found, the stay so
 * far, and what a viewer may see. Roles without need get names and ID numbers masked.
 */
import { ageOn } from '../../shared/domain/dates';
import { maskName } from '../../shared/domain/care';
import { checkIdNumber, maskIdNumber } from '../../shared/domain/id-number';
import { stayDays, type RescueOutcome, type RescueService } from '../../shared/domain/vagrant';
import type { RescueRow } from '../../shared/api/vagrant.schemas';
import type { Executor } from '../db/schema';

export interface RescueViewer {
  seesRecords: boolean;
  today: string;
}

export function rescueRowsQuery(db: Executor) {
  return db
    .selectFrom('vagrant_rescues as r')
    .innerJoin('townships as t', 't.id', 'r.township_id')
    .select([
      'r.id',
      'r.rescue_no',
      'r.township_id',
      't.name as township_name',
      'r.found_on',
      'r.found_place',
      'r.found_by',
      'r.identity_known',
      'r.name',
      'r.id_number',
      'r.sex',
      'r.estimated_age',
      'r.native_place',
      'r.admitted_on',
      'r.left_on',
      'r.outcome',
      'r.destination',
      'r.services',
      'r.version',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof rescueRowsQuery>['execute']>>[number];

/** Age at admission: from the ID number when there is one, else the clerk's estimate. */
export function ageAtAdmission(idNumber: string | null, estimatedAge: number | null, admittedOn: string): number | null {
  const check = idNumber ? checkIdNumber(idNumber) : null;
  return check?.ok ? ageOn(check.info.birthDate, admittedOn) : estimatedAge;
}

export const parseServices = (json: string) => JSON.parse(json) as RescueService[];

/** A name as a viewer may see it. */
export const shownName = (name: string | null, viewer: { seesRecords: boolean }) => (name && !viewer.seesRecords ? maskName(name) : name);
export const shownIdNumber = (id: string | null, viewer: { seesRecords: boolean }) => (id && !viewer.seesRecords ? maskIdNumber(id) : id);

export function toRescueRow(r: Raw, viewer: RescueViewer): RescueRow {
  return {
    id: r.id,
    rescueNo: r.rescue_no,
    townshipId: r.township_id,
    townshipName: r.township_name,
    foundOn: r.found_on,
    foundPlace: r.found_place,
    foundBy: r.found_by as RescueRow['foundBy'],
    identityKnown: r.identity_known === 1,
    name: shownName(r.name, viewer),
    idNumber: shownIdNumber(r.id_number, viewer),
    sex: r.sex as RescueRow['sex'],
    age: ageAtAdmission(r.id_number, r.estimated_age, r.admitted_on),
    estimatedAge: r.estimated_age,
    nativePlace: r.native_place,
    admittedOn: r.admitted_on,
    leftOn: r.left_on,
    outcome: r.outcome as RescueOutcome | null,
    destination: r.destination,
    stayDays: stayDays(r.admitted_on, r.left_on, viewer.today),
    services: parseServices(r.services),
    version: r.version,
  };
}
