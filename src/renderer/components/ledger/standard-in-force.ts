import type { MethodOutput } from '../../../shared/api/contract';

export type StandardVersion = MethodOutput<'standards.list'>[number];

/** The version of `item` in force on `date` (YYYY-MM-DD): the latest one effective on or before it. */
export function standardInForce(versions: readonly StandardVersion[], item: string, date: string): StandardVersion | undefined {
  let best: StandardVersion | undefined;
  for (const v of versions) if (v.item === item && v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}
