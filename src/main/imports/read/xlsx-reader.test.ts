import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { minimalXlsx } from '../../../../tests/fixtures/bad-files';
import { ExcelDate } from './grid';
import { find, openXlsx, scanFirstSheet, serialToIso } from './xlsx-reader';
import { readGrid } from './read-file';

/** A roster of household blocks long enough to inflate in many pieces, its merged ranges written after its rows. */
async function blocks(households: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getColumn(3).hidden = true;
  ws.addRow(['序号', '户主姓名', '旧号', '姓名', '身份证号码']);
  for (let h = 1; h <= households; h++) {
    const top = ws.rowCount + 1;
    ws.addRow([h, `户主${h}`, null, `户主${h}`, `43112219500101${String(h).padStart(4, '0')}`]);
    ws.addRow([null, null, null, `成员${h}`, `43112220100101${String(h).padStart(4, '0')}`]);
    ws.mergeCells(top, 1, top + 1, 1);
    ws.mergeCells(top, 2, top + 1, 2);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('openXlsx', () => {
  it('gives a sheet’s merged ranges and hidden columns before its rows, then the rows in runs, as the whole read has them', async () => {
    const data = await blocks(6000);
    const [sheet] = await openXlsx(data);
    const { runs, ...frame } = await sheet!.open();
    expect(frame.rowCount).toBe(12_001);
    expect(frame.merges).toHaveLength(12_000);
    expect(frame.merges[0]).toEqual({ top: 2, left: 0, bottom: 3, right: 0 });
    expect(frame.hiddenColumns).toEqual([2]);
    const read: number[] = [];
    const rows = [];
    for await (const run of runs) {
      read.push(run.length);
      rows.push(...run);
    }
    expect(read.length).toBeGreaterThan(1);
    const [whole] = (await readGrid(data, 'blocks.xlsx')).sheets;
    expect(rows).toEqual(whole!.rows);
    expect(frame.merges).toEqual(whole!.merges);
    expect(rows).toHaveLength(12_001);
    expect(rows[2]).toEqual({ number: 3, cells: [null, null, null, '成员1', '431122201001010001'] });
  });
});

describe('scanFirstSheet', () => {
  it('makes the first visible sheet’s first pass, which opening the sheet with it does not make again', async () => {
    const data = await blocks(3000);
    const [sheet] = await openXlsx(data);
    const { runs: _runs, name: _name, ...own } = await sheet!.open();
    const scan = await scanFirstSheet(data);
    expect(scan).toEqual(own);
    // Given a scan, the sheet takes its ranges and columns from it: a made-up one shows it was not read again.
    const given = { ...scan!, merges: [{ top: 9, left: 9, bottom: 10, right: 9 }], rowCount: 7 };
    const { runs, ...frame } = await sheet!.open(given);
    expect(frame).toEqual({ name: '花名册', ...given });
    let rows = 0;
    for await (const run of runs) rows += run.length;
    expect(rows).toBe(6001);
  });

  it('skips hidden sheets as the workbook’s list of sheets does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明', { state: 'hidden' }).addRow(['仅供参考']);
    const roster = wb.addWorksheet('花名册');
    roster.addRow(['户主', '姓名']);
    roster.addRow(['张三', '张三']);
    roster.addRow([null, '李四']);
    roster.mergeCells(2, 1, 3, 1);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await scanFirstSheet(data)).toMatchObject({ rowCount: 3, merges: [{ top: 2, left: 0, bottom: 3, right: 0 }] });
  });
});

describe('cell tags', () => {
  it('reads each cell’s column, type and style however the tag is written: entities, quotes, spaces, the first of a repeated name', async () => {
    const row = [
      '<row r="1">',
      '<c r="&#66;1" t="inlineStr"><is><t>乙</t></is></c>', // B1, its reference written with an entity
      "<c s = '1' ><v>17000</v></c>", // no reference: the next column, C; style 1 is a date format
      '<c r="E1" r="A1" s="01"><v>17001</v></c>', // the first r counts; style 01 is style 1
      '<c x14ac:s="1" r="G1"><v>5</v></c>', // a prefixed s is not the style
      '<c r="H1" t="n" t="s"><v>7</v></c>', // the first t counts: a number, not shared string 7
      '<c r="I1" s="1_x0031_"><v>8</v></c>', // an escape in the style: decoded, 11 is no date style
      '<c r="J1" t="str"><f>A1&amp;B1</f><v>甲&amp;乙</v></c>', // a formula before its value
      '<c r="K1" t="&#115;tr"><v>丙</v></c>', // the type written with an entity: str
      '<c r="L1"><v></v></c>', // an empty value: not 0
      '<c r="M1" t="str"><v>丁</v><extLst/></c>', // something after the value
      '<c r="N1" t="s"><v></v></c>', // an empty value: not shared string 0
      '<c r="O1" t="s"><v>0</v></c>', // shared string 0
      '</row>',
    ].join('');
    const [sheet] = await openXlsx(minimalXlsx(row, { sharedStrings: ['戊'] }));
    const rows = [];
    for await (const run of (await sheet!.open()).runs) rows.push(...run);
    const date = (serial: number) => new ExcelDate(serialToIso(serial, false)!);
    expect(rows).toEqual([{ number: 1, cells: [null, '乙', date(17000), null, date(17001), null, 5, 7, 8, '甲&乙', '丙', null, '丁', null, '戊'] }]);
  });
});

describe('find', () => {
  const tag = Buffer.from('<mergeCells');
  it('finds a tag within a piece, across the seam of two (counted back into the first), or not at all', () => {
    expect(find(Buffer.from('</sheetData>'), Buffer.from('xx<mergeCells count="1">'), tag)).toBe(2);
    expect(find(Buffer.from('</sheetData><merge'), Buffer.from('Cells count="1">'), tag)).toBe(-6);
    expect(find(Buffer.from('<'), Buffer.from('mergeCells>'), tag)).toBe(-1);
    expect(find(Buffer.from('</sheetData><mergeCell'), Buffer.from('>'), tag)).toBeNull();
    expect(find(Buffer.alloc(0), Buffer.from('<mergeCell'), tag)).toBeNull();
  });
});
