import { describe, expect, it } from 'vitest';
import { cleanText, parseDateText, parseRelation } from './values';

describe('cleanText', () => {
  it('makes runs of white space single spaces and trims, and gives text without any back as it is', () => {
    expect(cleanText(' 城关镇\n  东山村\u30003 号 ')).toBe('城关镇 东山村 3 号');
    expect(cleanText('东山村3号')).toBe('东山村3号');
    expect(cleanText('\t')).toBe('');
  });
});

describe('parseDateText', () => {
  it('reads every spelling townships use, and the ledger’s own within the years a person can be born', () => {
    const read = ['1948.3.2', '1948/03/02', '1948-3-2', '19480302', '1948年3月2日', '１９４８年３月２日', ' 1948-03-02 ', '1948-03-02'].map(parseDateText);
    expect(read).toEqual(Array(8).fill('1948-03-02'));
    expect(['1880-01-01', '2200-12-31', '2024-02-29'].map(parseDateText)).toEqual(['1880-01-01', '2200-12-31', '2024-02-29']);
  });

  it('gives null for what is no date or out of those years', () => {
    const wrong = ['1879-12-31', '2201-01-01', '2026-02-29', '2026-13-01', '1948-03', '48-3-2', '1948.3.2.1', '三月二日', ''];
    expect(wrong.map(parseDateText)).toEqual(Array(wrong.length).fill(null));
  });
});

describe('parseRelation', () => {
  it('knows the words for each relation, written plainly, with spaces, brackets or full-width characters', () => {
    expect(['户主', '妻子', '长子', '女儿', '母亲', '外孙女', '妹妹', '儿媳'].map(parseRelation)).toEqual(['self', 'spouse', 'son', 'daughter', 'parent', 'grandchild', 'sibling', 'other']);
    expect(['本人（户主）', '本人(户主)', ' 户 主 ', '本人 户主', '（配偶）'].map(parseRelation)).toEqual(['self', 'self', 'self', 'self', 'spouse']);
    expect(['邻居', '', '户主1'].map(parseRelation)).toEqual([null, null, null]);
  });
});
