import { describe, expect, it } from 'vitest';
import { mergeRanges, packRanges, unpackRanges } from './merged-ranges';

const read = (xml: string) => mergeRanges(Buffer.from(xml, 'utf8'));

describe('reading a sheet’s merged ranges', () => {
  it('reads each range as its corners, 0-based columns and the rows as numbered', () => {
    expect(read('<mergeCells count="3"><mergeCell ref="A3:A6"/><mergeCell ref="$B$3:$C$4"/><mergeCell ref="AA10:AB12"/></mergeCells>')).toEqual([
      { top: 3, left: 0, bottom: 6, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 2 },
      { top: 10, left: 26, bottom: 12, right: 27 },
    ]);
  });

  it('takes a single cell as a range of one', () => {
    expect(read('<mergeCell ref="C7"/>')).toEqual([{ top: 7, left: 2, bottom: 7, right: 2 }]);
  });

  it('reads the ref among other attributes, in either quotes, with spaces and line breaks around =', () => {
    const xml = `<mergeCells><mergeCell xr:uid="{0A}" ref = 'B2:D2' /><mergeCell\n  ref\n="E5:E9"></mergeCell></mergeCells>`;
    expect(read(xml)).toEqual([
      { top: 2, left: 1, bottom: 2, right: 3 },
      { top: 5, left: 4, bottom: 9, right: 4 },
    ]);
  });

  it('does not take an attribute that only ends in ref, nor text inside another value, for the ref', () => {
    expect(read('<mergeCell xref="Z1:Z9" title="a ref=&quot;Q1:Q2&quot;" ref="A1:A2"/>')).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(read('<mergeCell xref="Z1:Z9"/>')).toEqual([]);
  });

  it('leaves out damaged ranges and keeps reading after them', () => {
    const damaged = ['A:B', '1:2', 'ABCD1:A2', 'A1:', 'a1:b2', 'A1:B2x', '', 'A 1:B2'];
    const xml = damaged.map((ref) => `<mergeCell ref="${ref}"/>`).join('') + '<mergeCell ref=A1:B2/><mergeCell/><mergeCell ref="F6:G7"/>';
    expect(read(xml)).toEqual([{ top: 6, left: 5, bottom: 7, right: 6 }]);
  });

  it('stops cleanly at a tag cut off at the end', () => {
    expect(read('<mergeCell ref="A1:A2"/><mergeCell ref="B1:B')).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(read('<mergeCell ref="A1:A2"/><mergeCell ')).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
  });

  it('packs ranges into four numbers each and back, as they cross to a reading thread', () => {
    const ranges = read('<mergeCell ref="A3:A6"/><mergeCell ref="$B$2:$AB$1048576"/><mergeCell ref="C7"/>');
    const packed = packRanges(ranges);
    expect(Array.from(packed)).toEqual([3, 0, 6, 0, 2, 1, 1048576, 27, 7, 2, 7, 2]);
    expect(unpackRanges(packed)).toEqual(ranges);
    expect(unpackRanges(packRanges([]))).toEqual([]);
  });
});
