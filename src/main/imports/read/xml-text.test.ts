import { describe, expect, it } from 'vitest';
import { attributeBounds, attributes, attributeValue, nextAttribute, stringItemText } from './xml-text';
import { refColumn } from './grid';

describe('reading a tag’s attributes', () => {
  const tag = `<c r="AB12" s='3'  t = "inlineStr" x14ac:dyDescent="0.25" title="a &amp; b">`;
  const read = (name: string) => attributeValue(tag, 2, tag.length - 1, name);

  it('reads every pair, in either quotes, with spaces around =, prefixed names and entities', () => {
    const expected = { r: 'AB12', s: '3', t: 'inlineStr', 'x14ac:dyDescent': '0.25', title: 'a & b' };
    expect(attributes(tag.slice(2, -1))).toEqual(expected);
    for (const [name, value] of Object.entries(expected)) expect(read(name)).toBe(value);
    // A self-closing tag's slash after the last pair is not an attribute.
    expect(attributes(' ref="A1:B2"/')).toEqual({ ref: 'A1:B2' });
  });

  it('does not take a longer or shorter name for the one asked, nor look past the tag', () => {
    expect(read('dyDescent')).toBeUndefined();
    expect(read('x')).toBeUndefined();
    expect(attributeValue(`<c r="A1"><v>1</v></c><c s="2">`, 2, 9, 's')).toBeUndefined();
  });

  it('stops at a damaged pair instead of reading across it', () => {
    expect(attributeValue('<c r=A1 s="2">', 2, 13, 's')).toBeUndefined();
    expect(attributes(' a="1" r=A1 s="2"')).toEqual({ a: '1' });
    expect(attributeValue('<c r="A1 s="2">', 2, 14, 'x')).toBeUndefined();
  });

  it('gives each pair’s bounds in turn, then no more', () => {
    const at = attributeBounds();
    const pairs: string[] = [];
    for (let i = nextAttribute(tag, 2, tag.length - 1, at); i >= 0; i = nextAttribute(tag, i, tag.length - 1, at)) {
      pairs.push(`${tag.slice(at.nameStart, at.nameEnd)}=${tag.slice(at.valueStart, at.valueEnd)}`);
    }
    expect(pairs).toEqual(['r=AB12', 's=3', 't=inlineStr', 'x14ac:dyDescent=0.25', 'title=a &amp; b']);
    expect(nextAttribute('<c   >', 2, 5, at)).toBe(-1);
  });

  it('reads the first of a repeated name', () => {
    expect(attributeValue('<c r="E1" r="A1">', 2, 16, 'r')).toBe('E1');
  });

  it('takes a cell reference’s column from its letters', () => {
    expect([refColumn('A1'), refColumn('AB12'), refColumn('XFD1048576'), refColumn('12'), refColumn('')]).toEqual([0, 27, 16383, undefined, undefined]);
  });
});

describe('the text of a string item', () => {
  it('reads one plain run directly and every other shape through its runs, entities and escapes decoded', () => {
    expect(stringItemText('<is><t>张三 &amp; 李四_x000D_</t></is>')).toBe('张三 & 李四\r');
    expect(stringItemText('<is><t xml:space="preserve"> 城关村 </t></is>')).toBe(' 城关村 ');
    expect(stringItemText('<is><r><t>城关</t></r><r><rPr><b/></rPr><t>村</t></r></is>')).toBe('城关村');
    expect(stringItemText('<is><t>王</t><rPh sb="0" eb="1"><t>wang</t></rPh></is>')).toBe('王');
    expect(stringItemText('<is><t></t></is>')).toBe('');
  });
});
