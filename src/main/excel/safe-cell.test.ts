import { describe, expect, it } from 'vitest';
import { safeText } from './safe-cell';

describe('formula neutralising', () => {
  it('prefixes text that would start a formula, and leaves the rest alone', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(safeText(bad)).toBe(`'${bad}`);
    for (const fine of ['张三', '431122199001011234', '1,200.00', "'quoted", '']) expect(safeText(fine)).toBe(fine);
  });
});
