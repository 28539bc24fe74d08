import { describe, expect, it } from 'vitest';
import { attributes, attributeValue } from './xml-text';

describe('reading one attribute in place', () => {
  const tag = `<c r="AB12" s='3'  t = "inlineStr" x14ac:dyDescent="0.25" title="a &amp; b">`;
  const read = (name: string) => attributeValue(tag, 2, tag.length - 1, name);

  it('finds each attribute as the attribute object does, in either quotes and with spaces around =', () => {
    for (const name of ['r', 's', 't', 'x14ac:dyDescent', 'title']) expect(read(name)).toBe(attributes(tag.slice(2, -1))[name]);
    expect(read('title')).toBe('a & b');
  });

  it('does not take a longer or shorter name for the one asked, nor look past the tag', () => {
    expect(read('dyDescent')).toBeUndefined();
    expect(read('x')).toBeUndefined();
    expect(attributeValue(`<c r="A1"><v>1</v></c><c s="2">`, 2, 9, 's')).toBeUndefined();
  });

  it('gives up on a damaged tag instead of reading across it', () => {
    expect(attributeValue('<c r=A1 s="2">', 2, 13, 's')).toBeUndefined();
    expect(attributeValue('<c r="A1 s="2">', 2, 14, 'x')).toBeUndefined();
  });
});
