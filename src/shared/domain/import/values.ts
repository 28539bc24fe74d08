/**
 * Reading the values township spreadsheets hold: full-width characters, stray spaces and line breaks,
 * dates in half a dozen spellings, amounts with thousands separators or "元". Each parser returns the
 * value or null; the caller reports the problem with the row and column.
 */
import { isValidIsoDate } from '../dates';
import type { HukouType, Relation } from '../household';
import type { Program } from '../programs';

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (digits, letters, punctuation) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  // Most cells have nothing full-width: testing is far cheaper than two replaces over every cell.
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Text with runs of white space (line breaks too) made single spaces, trimmed. */
export function cleanText(s: string): string {
  // Most cells hold no white space at all: testing is cheaper than replacing nothing.
  return WHITE_SPACE.test(s) ? s.replace(/[\s\u3000]+/g, ' ').trim() : s;
}
const WHITE_SPACE = /[\s\u3000]/;

/** Names lose every space and line break ("张 三\n" is 张三); names in Latin letters keep single spaces. */
export function cleanPersonName(s: string): string {
  const t = cleanText(toHalfWidth(s));
  return /[A-Za-z]/.test(t) ? t : t.replace(/ /g, '');
}

/** The years a typed date may fall in; another is a slip of the keyboard. */
const inYears = (y: number) => y >= 1880 && y <= 2200;

function ymd(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return inYears(y) && isValidIsoDate(iso) ? iso : null;
}

/** A date typed as 1948.3.2, 1948/03/02, 1948-3-2, 19480302 or 1948年3月2日; null when it is none of them. */
export function parseDateText(raw: string): string | null {
  // Written as the ledger writes dates (a roster exported by this system): nothing to take apart.
  if (isValidIsoDate(raw)) return inYears(Number(raw.slice(0, 4))) ? raw : null;
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  let m = /^(\d{4})[./\-年](\d{1,2})[./\-月](\d{1,2})日?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** A month typed as 2026-01, 2026.1, 2026/01, 2026年1月, 202601, or any full date (its month). */
export function parseMonthText(raw: string): string | null {
  const full = parseDateText(raw);
  if (full) return full.slice(0, 7);
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  const m = /^(\d{4})[./\-年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 && Number(m[1]) >= 1900 ? `${m[1]}-${String(mo).padStart(2, '0')}` : null;
}

/** Yuan as typed (1200, 1,200.00, 100元, ￥80.5) to integer fen; null when not a non-negative amount. */
export function parseAmountText(raw: string): number | null {
  const s = toHalfWidth(raw).replace(/[\s,，]/g, '').replace(/^[¥￥]/, '').replace(/(元|圆)(\/月)?$/, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Yuan held in a number cell to fen, rounded once (spreadsheets keep 1200.1 as 1200.0999…). */
export function amountFromNumber(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const fen = Math.round(n * 100);
  return Number.isSafeInteger(fen) ? fen : null;
}

export function parseSex(raw: string): 'male' | 'female' | null {
  const s = toHalfWidth(raw).trim().toUpperCase();
  if (s === '男' || s === '男性' || s === 'M' || s === '1') return 'male';
  if (s === '女' || s === '女性' || s === 'F' || s === '2') return 'female';
  return null;
}

const RELATION_WORDS: [Relation, string[]][] = [
  ['self', ['户主', '本人', '本人(户主)', '户主本人', '本人户主', '申请人', '自己']],
  ['spouse', ['配偶', '妻', '夫', '妻子', '丈夫', '之妻', '之夫', '爱人', '老伴']],
  ['son', ['子', '儿子', '长子', '次子', '三子', '四子', '之子', '独子', '养子', '继子']],
  ['daughter', ['女', '女儿', '长女', '次女', '三女', '四女', '之女', '独女', '养女', '继女']],
  ['parent', ['父', '母', '父亲', '母亲', '父母', '之父', '之母', '养父', '养母', '继父', '继母']],
  ['grandchild', ['孙子', '孙女', '孙子女', '外孙', '外孙女', '外孙子', '孙', '孙子女外孙子女', '曾孙']],
  ['sibling', ['兄', '弟', '姐', '妹', '兄弟', '姐妹', '兄弟姐妹', '哥哥', '弟弟', '姐姐', '妹妹']],
  ['other', ['其他', '儿媳', '媳', '女婿', '侄子', '侄女', '祖父', '祖母', '外祖父', '外祖母', '公公', '婆婆', '岳父', '岳母', '叔', '伯', '舅', '姑', '姨', '孙媳', '其它', '亲属']],
];
const RELATIONS_BY_WORD = new Map<string, Relation>(RELATION_WORDS.flatMap(([r, words]) => words.map((w) => [w, r] as const)));

export function parseRelation(raw: string): Relation | null {
  const word = RELATIONS_BY_WORD.get(raw);
  if (word) return word;
  const s = toHalfWidth(raw).replace(/[\s（）()]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : c.trim() ? c : ''));
  return RELATIONS_BY_WORD.get(s) ?? RELATIONS_BY_WORD.get(s.replace(/[()]/g, '')) ?? null;
}

export function parseHukou(raw: string): HukouType | null {
  const s = raw.replace(/\s+/g, '');
  if (/^(城镇|城市|非农|非农业|城|居民|城镇户口|城镇居民)$/.test(s)) return 'urban';
  if (/^(农村|农业|乡村|农|农村户口|农业户口|农村居民)$/.test(s)) return 'rural';
  return null;
}

/** The program category a cell names (城市/农村, 集中/分散, 留守 …), for the program being imported. */
export function parseCategory(program: Program, raw: string): string | null {
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  switch (program) {
    case 'dibao':
    case 'dibao_edge':
      return /城/.test(s) ? 'urban' : /农/.test(s) ? 'rural' : null;
    case 'tekun':
      return /集中/.test(s) ? 'institution' : /分散/.test(s) ? 'home' : null;
    case 'orphan':
      return /机构|集中/.test(s) ? 'institution' : /散居|分散/.test(s) ? 'home' : null;
    case 'child_care':
      return /留守/.test(s) ? 'left_behind' : /困境/.test(s) ? 'in_difficulty' : /流动/.test(s) ? 'migrant' : null;
    case 'linshi':
      return /急难/.test(s) ? 'emergency' : /支出/.test(s) ? 'expense' : null;
    case 'gaoling':
      return /^100|百岁/.test(s) ? '100' : /^9\d/.test(s) ? '90' : /^8\d/.test(s) ? '80' : null;
    default:
      return null;
  }
}
