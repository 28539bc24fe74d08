/** Township and village names as townships write them ("城关" for 城关镇, "新村" for 新村村委会), matched to the ledger. */
import type { Executor } from '../../db/schema';

const TOWNSHIP_SUFFIX = /(街道办事处|街道办|办事处|街道|镇|乡)$/;
const VILLAGE_SUFFIX = /(村民委员会|居民委员会|村委会|居委会|社区|村)$/;
const bare = (name: string, suffix: RegExp) => name.replace(/[\s\u3000]+/g, '').replace(suffix, '');

export interface RegionIndex {
  townships: { id: string; name: string; code: string }[];
  townshipByName(name: string): string | null;
  villageByName(townshipId: string, name: string): string | null;
  townshipName(id: string): string;
}

export async function loadRegionIndex(db: Executor): Promise<RegionIndex> {
  const [townships, villages] = await Promise.all([
    db.selectFrom('townships').select(['id', 'name', 'code']).execute(),
    db.selectFrom('villages').select(['id', 'name', 'township_id']).execute(),
  ]);
  const townshipKeys = new Map<string, string>();
  for (const t of townships) {
    townshipKeys.set(t.name, t.id);
    townshipKeys.set(bare(t.name, TOWNSHIP_SUFFIX), t.id);
  }
  const villageKeys = new Map<string, string>();
  for (const v of villages) {
    villageKeys.set(`${v.township_id}|${v.name}`, v.id);
    villageKeys.set(`${v.township_id}|${bare(v.name, VILLAGE_SUFFIX)}`, v.id);
  }
  const names = new Map(townships.map((t) => [t.id, t.name]));
  return {
    townships,
    townshipByName: (name) => townshipKeys.get(name.replace(/[\s\u3000]+/g, '')) ?? townshipKeys.get(bare(name, TOWNSHIP_SUFFIX)) ?? null,
    villageByName: (townshipId, name) => villageKeys.get(`${townshipId}|${name.replace(/[\s\u3000]+/g, '')}`) ?? villageKeys.get(`${townshipId}|${bare(name, VILLAGE_SUFFIX)}`) ?? null,
    townshipName: (id) => names.get(id) ?? '',
  };
}

/** The township a title or file name names ("城关镇2026年10月低保花名册"), if exactly one. */
export function townshipInText(index: RegionIndex, text: string): string | null {
  const hits = index.townships.filter((t) => text.includes(t.name) || (bare(t.name, TOWNSHIP_SUFFIX).length >= 2 && text.includes(bare(t.name, TOWNSHIP_SUFFIX))));
  return hits.length === 1 ? hits[0]!.id : null;
}
