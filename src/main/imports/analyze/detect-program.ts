/** The program a roster is for, read from its title, sheet name or file name. */
import type { Program } from '../../../shared/domain/programs';

const WORDS: [RegExp, Program][] = [
  [/事实无人抚养/, 'de_facto_orphan'],
  [/孤儿/, 'orphan'],
  [/留守|困境儿童|流动儿童/, 'child_care'],
  [/特困|五保|供养/, 'tekun'],
  [/高龄/, 'gaoling'],
  [/低保边缘|边缘/, 'dibao_edge'],
  [/临时救助/, 'linshi'],
  [/低保|最低生活保障/, 'dibao'],
];

export function programInText(text: string): Program | null {
  for (const [re, program] of WORDS) if (re.test(text)) return program;
  return null;
}
