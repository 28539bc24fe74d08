/**
 * Benefit amounts, in fen, rounded once at the end. 低保 pays the gap (补差): (standard − per-capita
 * monthly income) × covered members, at least the county's floor per covered member. 特困 pays the basic
 * living standard (集中供养 has its own) plus the care standard of the person's self-care level. 高龄津贴
 * pays its band's standard.
 */
import type { SelfCareLevel } from '../person-attributes';

export interface DibaoInput {
  standardFen: number;
  /** The whole family's monthly income, fen. */
  monthlyIncomeFen: number;
  familySize: number;
  coveredCount: number;
  floorFen: number;
}

export interface DibaoAmount {
  eligible: boolean;
  perCapitaIncomeFen: number;
  amountFen: number;
  /** The floor lifted the amount. */
  floored: boolean;
}

export function dibaoAmount(input: DibaoInput): DibaoAmount {
  const { standardFen, monthlyIncomeFen, familySize, coveredCount, floorFen } = input;
  if (familySize < 1 || coveredCount < 1 || coveredCount > familySize) throw new Error('family size and covered members out of range');
  const perCapitaIncomeFen = Math.round(monthlyIncomeFen / familySize);
  // (standard − income / size) × covered, kept exact until the one rounding.
  const gapTimesSize = standardFen * familySize - monthlyIncomeFen;
  if (gapTimesSize <= 0) return { eligible: false, perCapitaIncomeFen, amountFen: 0, floored: false };
  const computed = Math.round((gapTimesSize * coveredCount) / familySize);
  const floor = floorFen * coveredCount;
  return { eligible: true, perCapitaIncomeFen, amountFen: Math.max(computed, floor), floored: computed < floor };
}

/** The standard items a 特困 amount is made of. */
export function tekunItems(category: 'institution' | 'home', hukou: 'urban' | 'rural', selfCare: SelfCareLevel): { basic: string; care: string } {
  return { basic: category === 'institution' ? 'tekun_basic_institution' : `tekun_basic_${hukou}`, care: `tekun_care_${selfCare}` };
}
