import { describe, expect, it } from 'vitest';
import { attributes, attributeValue } from './xml-text';

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
});
