import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet } from '../read/grid';
import { DataRowReader, detectHeader, type DataRow, type SheetHeader } from './layout';

const HEADER = ['序号', '姓名', '性别', '身份证号码', '与户主关系', '月保障金额（元）'];
const person = (seq: number | null, name: string, id: string): CellValue[] => [seq, name, '女', id, '户主', 600];

/** The header and every data row of a whole sheet, read a row at a time as an import reads them. */
function detectLayout(sheet: GridSheet): (SheetHeader & { rows: DataRow[] }) | null {
  const header = detectHeader(sheet);
  if (!header) return null;
  const reader = new DataRowReader(header, sheet.merges);
  const rows = sheet.rows.map((row) => reader.read(row)).filter((r) => r !== null);
  return { ...header, rows };
}

function sheetOf(rows: CellValue[][]): GridSheet {
  return { name: '花名册', rows: rows.map((cells, i) => ({ number: i + 1, cells })), merges: [], hiddenColumns: [], columnWidths: [] };
}

describe('detectLayout', () => {
  it('keeps the data rows: not the header repeated on each printed page (full-width or spaced), nor a 小计; it ends at 合计', () => {
    const layout = detectLayout(
      sheetOf([
        ['青山镇低保花名册'],
        HEADER,
        person(1, '甲一', '431122195001011234'),
        ['序 号', '姓　名', '性别', '身份证号码', '与户主关系', '月保障金额（元）'],
        person(2, '乙二', '431122195002021234'),
        ['小计', null, null, null, null, 1200],
        person(3, '丙三', '431122195003031234'),
        ['东山村小计', null, null, null, null, 600],
        person(4, '丁四', '431122195004041234'),
        ['合　计', null, null, null, null, 2400],
        ['注：本表一式三份'],
      ]),
    );
    expect(layout?.title).toBe('青山镇低保花名册');
    expect(layout?.rows.map((r) => [r.number, r.afterEnd])).toEqual([
      [3, undefined],
      [5, undefined],
      [7, undefined],
      [9, undefined],
    ]);
  });

  it('keeps a row after 合计 or the signatures that still holds an ID number, marked as after the end', () => {
    const layout = detectLayout(
      sheetOf([
        HEADER,
        person(1, '甲一', '431122195001011234'),
        ['全镇合计', null, null, null, null, 600],
        ['制表人：王五', null, null, '审核人：', null, '制表日期：2026年10月31日'],
        person(2, '乙二', '431122195002021234'),
        ['', '王五', null, null, null, null],
        person(3, '丙三', '431122********1234'),
        person(4, '丁四', '4.31122E+17'),
      ]),
    );
    expect(layout?.rows.map((r) => [r.number, r.afterEnd])).toEqual([
      [2, undefined],
      [5, { row: 3, text: '全镇合计' }],
      [7, { row: 3, text: '全镇合计' }],
      [8, { row: 3, text: '全镇合计' }],
    ]);
  });

  it('ends at a signature footer, but not at a person’s row whose remark mentions a signature', () => {
    const layout = detectLayout(
      sheetOf([
        HEADER,
        person(1, '甲一', '431122195001011234'),
        [2, '乙二', '女', '431122195002021234', '户主', 600, '审核意见：同意'],
        [3, '丙三', '女', null, '户主', 600, '待本人签字'],
        // Rows are read as long as their last filled cell: this one ends before the name column.
        ['制表人：王五'],
        [null, '审核人：李四'],
      ]),
    );
    expect(layout?.rows.map((r) => [r.number, r.afterEnd])).toEqual([
      [2, undefined],
      [3, undefined],
      [4, undefined],
    ]);
  });
});
