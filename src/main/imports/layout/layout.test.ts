import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet } from '../read/grid';
import { detectLayout } from './layout';

const HEADER = ['序号', '姓名', '性别', '身份证号码', '与户主关系', '月保障金额（元）'];
const person = (seq: number | null, name: string, id: string): CellValue[] => [seq, name, '女', id, '户主', 600];

function sheetOf(rows: CellValue[][]): GridSheet {
  return { name: '花名册', rows: rows.map((cells, i) => ({ number: i + 1, cells })), merges: [], hiddenColumns: [], columnWidths: [] };
}

describe('detectLayout', () => {
  it('keeps the data rows: not the header repeated on each printed page (full-width or spaced), nor a 小计; it stops at 合计', () => {
    const layout = detectLayout(
      sheetOf([
        ['青山镇低保花名册'],
        HEADER,
        person(1, '甲一', '431122195001011234'),
        ['序 号', '姓　名', '性别', '身份证号码', '与户主关系', '月保障金额（元）'],
        person(2, '乙二', '431122195002021234'),
        ['小计', null, null, null, null, 1200],
        person(3, '丙三', '431122195003031234'),
        ['合　计', null, null, null, null, 1800],
        person(4, '丁四', '431122195004041234'),
      ]),
    );
    expect(layout?.title).toBe('青山镇低保花名册');
    expect(layout?.rows.map((r) => r.number)).toEqual([3, 5, 7]);
  });

  it('stops at a signature footer, unless the row holds an ID number', () => {
    const layout = detectLayout(
      sheetOf([
        HEADER,
        person(1, '甲一', '431122195001011234'),
        [2, '乙二', '女', '431122195002021234', '户主', 600, '审核意见：同意'],
        ['制表人：王五', null, null, '审核人：', null, '制表日期：2026年10月31日'],
        person(3, '丙三', '431122195003031234'),
      ]),
    );
    expect(layout?.rows.map((r) => r.number)).toEqual([2, 3]);
  });
});
