/** The values of a child's file as the form holds them, and as the contract takes them. */
import type { ChildFields } from '../../../shared/api/care.schemas';
import type { ChildCategory, DifficultyCause, Guardianship, PairingKind } from '../../../shared/domain/care';
import { textOrNull } from '../../components/ledger/HouseholdFieldItems';

export interface ChildFieldValues {
  category: ChildCategory;
  cause?: DifficultyCause | null;
  guardianship: Guardianship;
  guardianName?: string;
  guardianRelation?: string;
  guardianIdNumber?: string;
  guardianPhone?: string;
  directorId?: string | null;
  school?: string;
  health?: string;
  disability?: string;
  pairingName?: string;
  pairingKind?: PairingKind | null;
  pairingPhone?: string;
}

/** The form's values as the contract's fields: empty text as null, a cause only for a 困境儿童. */
export function childFieldsInput(v: ChildFieldValues): ChildFields {
  return {
    category: v.category,
    cause: v.category === 'in_difficulty' ? (v.cause ?? null) : null,
    guardianship: v.guardianship,
    guardianName: textOrNull(v.guardianName),
    guardianRelation: textOrNull(v.guardianRelation),
    guardianIdNumber: textOrNull(v.guardianIdNumber),
    guardianPhone: textOrNull(v.guardianPhone),
    directorId: v.directorId ?? null,
    school: textOrNull(v.school),
    health: textOrNull(v.health),
    disability: textOrNull(v.disability),
    pairingName: textOrNull(v.pairingName),
    pairingKind: v.pairingKind ?? null,
    pairingPhone: textOrNull(v.pairingPhone),
  };
}

/** A stored file as the form's starting values. */
export function childFieldValuesOf(f: ChildFields): ChildFieldValues {
  const text = (s: string | null | undefined) => s ?? undefined;
  return {
    category: f.category,
    cause: f.cause,
    guardianship: f.guardianship,
    guardianName: text(f.guardianName),
    guardianRelation: text(f.guardianRelation),
    guardianIdNumber: text(f.guardianIdNumber),
    guardianPhone: text(f.guardianPhone),
    directorId: f.directorId,
    school: text(f.school),
    health: text(f.health),
    disability: text(f.disability),
    pairingName: text(f.pairingName),
    pairingKind: f.pairingKind,
    pairingPhone: text(f.pairingPhone),
  };
}
