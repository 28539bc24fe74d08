/**
 * Program standards (保障标准): each item is an amount per person and month, versioned by effective date.
 * The defaults are sensible national-style figures for a new ledger; every county sets its own (*local*).
 */
import type { Program } from './programs';

export interface StandardItem {
  item: string;
  program: Program;
  label: string;
  defaultFen: number;
}

export const STANDARD_ITEMS: readonly StandardItem[] = [
  { item: 'dibao_urban', program: 'dibao', label: '城市低保标准', defaultFen: 80000 },
  { item: 'dibao_rural', program: 'dibao', label: '农村低保标准', defaultFen: 60000 },
  { item: 'tekun_basic_urban', program: 'tekun', label: '特困基本生活标准（城市）', defaultFen: 104000 },
  { item: 'tekun_basic_rural', program: 'tekun', label: '特困基本生活标准（农村）', defaultFen: 78000 },
  { item: 'tekun_basic_institution', program: 'tekun', label: '特困基本生活标准（集中供养）', defaultFen: 110000 },
  { item: 'tekun_care_full', program: 'tekun', label: '特困照料护理标准（全自理）', defaultFen: 8000 },
  { item: 'tekun_care_partial', program: 'tekun', label: '特困照料护理标准（半护理）', defaultFen: 30000 },
  { item: 'tekun_care_none', program: 'tekun', label: '特困照料护理标准（全护理）', defaultFen: 80000 },
  { item: 'orphan_institution', program: 'orphan', label: '孤儿基本生活费（机构养育）', defaultFen: 180000 },
  { item: 'orphan_home', program: 'orphan', label: '孤儿基本生活费（社会散居）', defaultFen: 140000 },
  { item: 'de_facto_orphan', program: 'de_facto_orphan', label: '事实无人抚养儿童基本生活费', defaultFen: 140000 },
  { item: 'gaoling_80', program: 'gaoling', label: '高龄津贴（80–89 岁）', defaultFen: 5000 },
  { item: 'gaoling_90', program: 'gaoling', label: '高龄津贴（90–99 岁）', defaultFen: 10000 },
  { item: 'gaoling_100', program: 'gaoling', label: '高龄津贴（100 岁及以上）', defaultFen: 50000 },
];

export const STANDARD_ITEM_CODES = STANDARD_ITEMS.map((s) => s.item) as [string, ...string[]];
export const DEFAULT_STANDARDS_FROM = '2020-01-01';

/** The standard item an enrollment of this program and category is computed from, if any. */
export function standardItemFor(program: Program, category: string | null, hukou: 'urban' | 'rural'): string | null {
  switch (program) {
    case 'dibao':
      return category === 'urban' || category === 'rural' ? `dibao_${category}` : `dibao_${hukou}`;
    case 'tekun':
      return category === 'institution' ? 'tekun_basic_institution' : `tekun_basic_${hukou}`;
    case 'orphan':
      return category === 'institution' ? 'orphan_institution' : 'orphan_home';
    case 'de_facto_orphan':
      return 'de_facto_orphan';
    case 'gaoling':
      return category ? `gaoling_${category}` : null;
    default:
      return null;
  }
}

/** The version of `item` in force on `date` (YYYY-MM-DD): the latest one effective on or before it. */
export function standardInForce<V extends { item: string; effectiveFrom: string }>(versions: readonly V[], item: string, date: string): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (v.item === item && v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}
