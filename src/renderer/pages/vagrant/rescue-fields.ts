/** A rescue record as the form holds it (dates as dayjs), and as the contract takes it. */
import dayjs, { type Dayjs } from 'dayjs';
import type { MethodInput } from '../../../shared/api/contract';
import type { RescueDetail } from '../../../shared/api/vagrant.schemas';
import type { FoundBy, RescueOutcome, RescueService } from '../../../shared/domain/vagrant';
import { textOrNull } from '../../components/ledger/HouseholdFieldItems';

export type RescueInput = MethodInput<'vagrant.create'>;

export interface RescueValues {
  townshipId: string;
  foundOn: Dayjs;
  foundPlace: string;
  foundBy: FoundBy;
  identityKnown: boolean;
  name?: string;
  idNumber?: string;
  sex?: 'male' | 'female';
  estimatedAge?: number | null;
  description?: string;
  nativePlace?: string;
  admittedOn: Dayjs;
  services: RescueService[];
  leftOn?: Dayjs | null;
  outcome?: RescueOutcome | null;
  destination?: string;
  notes?: string;
}

const isoOf = (day: Dayjs | null | undefined) => (day ? day.format('YYYY-MM-DD') : null);

/** The form's values as the contract's fields: empty text as null, no name or ID for someone unidentified. */
export function rescueInput(v: RescueValues): RescueInput {
  return {
    townshipId: v.townshipId,
    foundOn: isoOf(v.foundOn)!,
    foundPlace: v.foundPlace,
    foundBy: v.foundBy,
    identityKnown: v.identityKnown,
    name: v.identityKnown ? textOrNull(v.name) : null,
    idNumber: v.identityKnown ? textOrNull(v.idNumber) : null,
    // Zod names a missing sex at its field; the form asks for it too.
    sex: v.sex as 'male' | 'female',
    estimatedAge: v.estimatedAge ?? null,
    description: textOrNull(v.description),
    nativePlace: textOrNull(v.nativePlace),
    admittedOn: isoOf(v.admittedOn)!,
    services: v.services ?? [],
    leftOn: isoOf(v.leftOn),
    outcome: v.leftOn ? (v.outcome ?? null) : null,
    destination: v.leftOn ? textOrNull(v.destination) : null,
    notes: textOrNull(v.notes),
  };
}

/** A stored record as the form's starting values. */
export function rescueValuesOf(r: RescueDetail): RescueValues {
  const text = (s: string | null) => s ?? undefined;
  return {
    townshipId: r.townshipId,
    foundOn: dayjs(r.foundOn),
    foundPlace: r.foundPlace,
    foundBy: r.foundBy,
    identityKnown: r.identityKnown,
    name: text(r.name),
    idNumber: text(r.idNumber),
    sex: r.sex,
    estimatedAge: r.estimatedAge,
    description: text(r.description),
    nativePlace: text(r.nativePlace),
    admittedOn: dayjs(r.admittedOn),
    services: r.services,
    leftOn: r.leftOn ? dayjs(r.leftOn) : null,
    outcome: r.outcome,
    destination: text(r.destination),
    notes: text(r.notes),
  };
}

/** The record as the contract takes it back, for writes that change only the leaving. */
export function recordInput(r: RescueDetail): RescueInput {
  return rescueInput(rescueValuesOf(r));
}
