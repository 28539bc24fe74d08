/**
 * Assistance programs (保障项目) and the rules between them. Household programs cover a household
 * (with its covered members); person programs cover one person.
 */
export const PROGRAMS = ['dibao', 'tekun', 'linshi', 'dibao_edge', 'orphan', 'de_facto_orphan', 'child_care', 'gaoling', 'elder_subsidy', 'vagrant_aid'] as const;
export type Program = (typeof PROGRAMS)[number];

export const PROGRAM_LABELS: Record<Program, string> = {
  dibao: '最低生活保障',
  tekun: '特困人员救助供养',
  linshi: '临时救助',
  dibao_edge: '低保边缘',
  orphan: '孤儿',
  de_facto_orphan: '事实无人抚养儿童',
  child_care: '困境/留守儿童',
  gaoling: '高龄津贴',
  elder_subsidy: '养老服务补贴',
  vagrant_aid: '流浪乞讨人员救助',
};

export const PROGRAM_SHORT_LABELS: Record<Program, string> = {
  dibao: '低保',
  tekun: '特困',
  linshi: '临时救助',
  dibao_edge: '低保边缘',
  orphan: '孤儿',
  de_facto_orphan: '事实无人抚养',
  child_care: '留守/困境儿童',
  gaoling: '高龄津贴',
  elder_subsidy: '养老补贴',
  vagrant_aid: '流浪救助',
};

export const HOUSEHOLD_PROGRAMS: ReadonlySet<Program> = new Set(['dibao', 'linshi', 'dibao_edge']);
export const isHouseholdProgram = (p: Program) => HOUSEHOLD_PROGRAMS.has(p);

export const ENROLLMENT_STATUSES = ['active', 'tapering', 'stopped'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = { active: '在保', tapering: '渐退', stopped: '停保' };
/** Statuses in which a person still counts as covered. */
export const COVERED_STATUSES: readonly EnrollmentStatus[] = ['active', 'tapering'];

/** Categories that qualify an enrollment (and pick its standard). */
export const PROGRAM_CATEGORIES: Partial<Record<Program, Record<string, string>>> = {
  dibao: { urban: '城市', rural: '农村' },
  dibao_edge: { urban: '城市', rural: '农村' },
  tekun: { institution: '集中供养', home: '分散供养' },
  orphan: { institution: '机构养育', home: '社会散居' },
  child_care: { left_behind: '农村留守儿童', in_difficulty: '困境儿童', migrant: '流动儿童' },
  linshi: { emergency: '急难型', expense: '支出型' },
  gaoling: { '80': '80–89 岁', '90': '90–99 岁', '100': '100 岁及以上' },
};

export type GaolingBand = '80' | '90' | '100';
/** The 高龄津贴 bands from the oldest down, with the age each starts at. */
export const GAOLING_BANDS: readonly { band: GaolingBand; fromAge: number }[] = [
  { band: '100', fromAge: 100 },
  { band: '90', fromAge: 90 },
  { band: '80', fromAge: 80 },
];

/** The 高龄津贴 band for an age, or null under 80. */
export function gaolingBand(age: number): GaolingBand | null {
  return GAOLING_BANDS.find((b) => age >= b.fromAge)?.band ?? null;
}

/** Programs that one person may not hold at the same time, with the reason shown to the clerk. */
const EXCLUSIVE: [Program, Program, string][] = [
  ['dibao', 'tekun', '同一人不能同时享受低保和特困供养'],
  ['orphan', 'de_facto_orphan', '同一儿童不能同时认定为孤儿和事实无人抚养儿童'],
];

export function exclusiveConflict(held: Program, wanted: Program): string | null {
  for (const [a, b, reason] of EXCLUSIVE) if ((held === a && wanted === b) || (held === b && wanted === a)) return reason;
  return null;
}
