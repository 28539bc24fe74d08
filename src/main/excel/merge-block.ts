/**
 * Merges a household block's cell in exceljs's streaming writer. exceljs checks every new merge against
 * every earlier one, which makes a county roster of 40,000 households (240,000 merges) take minutes; the
 * blocks of a roster are disjoint by construction, so the check runs against an empty list instead.
 */
import type ExcelJS from 'exceljs';

/** The streaming writer keeps its merges in an array, the in-memory worksheet in an object by address. */
interface MergeList {
  _merges: unknown[] | Record<string, unknown>;
}

export function mergeDisjoint(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  const sheet = ws as unknown as MergeList;
  const earlier = sheet._merges;
  const fresh = Array.isArray(earlier) ? [] : {};
  sheet._merges = fresh;
  try {
    ws.mergeCells(top, left, bottom, right);
  } finally {
    if (Array.isArray(earlier)) earlier.push(...(fresh as unknown[]));
    else Object.assign(earlier, fresh);
    sheet._merges = earlier;
  }
}
