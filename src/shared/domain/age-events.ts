/**
 * Age events read from the ID's birth date: the lines a person crosses (16, 18, 60, 80, 90, 100) and what
 * each means for the programs. The same rules serve the 工作台 list, the care ledgers and the reports.
 */
import { ageOn, dateOfAge } from './dates';
import { gaolingBand, type Program } from './programs';

export const AGE_LINES = [16, 18, 60, 80, 90, 100] as const;
export type AgeLine = (typeof AGE_LINES)[number];

export const AGE_LINE_MEANINGS: Record<AgeLine, string> = {
  16: '年满 16 周岁：农村留守儿童台账到期',
  18: '年满 18 周岁：孤儿及事实无人抚养儿童基本生活费终止，转入成年后安置',
  60: '年满 60 周岁：可按老年人申请特困供养及分类施保',
  80: '年满 80 周岁：纳入高龄津贴（80–89 岁档）',
  90: '年满 90 周岁：高龄津贴调至 90–99 岁档',
  100: '年满 100 周岁：高龄津贴调至百岁档',
};

/** Age lines whose birthday falls after `from` and on or before `to` (both YYYY-MM-DD). */
export function crossingsBetween(birthDate: string, from: string, to: string): { line: AgeLine; date: string }[] {
  const out: { line: AgeLine; date: string }[] = [];
  for (const line of AGE_LINES) {
    const date = dateOfAge(birthDate, line);
    if (date > from && date <= to) out.push({ line, date });
  }
  return out;
}

export interface HeldEnrollment {
  program: Program;
  category: string | null;
}

/**
 * What is overdue for a person of this age holding these enrollments: a line already crossed while the
 * person is still in the old category. Returns Chinese descriptions, empty when all is in order.
 */
export function overdueTransitions(birthDate: string, today: string, held: HeldEnrollment[]): { line: AgeLine; message: string }[] {
  const age = ageOn(birthDate, today);
  const out: { line: AgeLine; message: string }[] = [];
  for (const e of held) {
    if (e.program === 'child_care' && e.category === 'left_behind' && age >= 16) {
      out.push({ line: 16, message: `已满 16 周岁（${age} 岁），仍在农村留守儿童台账中` });
    }
    if ((e.program === 'orphan' || e.program === 'de_facto_orphan') && age >= 18) {
      out.push({ line: 18, message: `已满 18 周岁（${age} 岁），仍在领取${e.program === 'orphan' ? '孤儿' : '事实无人抚养儿童'}基本生活费` });
    }
    if (e.program === 'gaoling') {
      const band = gaolingBand(age);
      if (band !== e.category) {
        const line = (band === null ? 80 : Number(band)) as AgeLine;
        out.push({ line, message: band === null ? `未满 80 周岁（${age} 岁），不应享受高龄津贴` : `现年 ${age} 岁，高龄津贴仍按 ${e.category ?? '未定'} 档发放，应调至 ${band} 档` });
      }
    }
  }
  return out;
}
