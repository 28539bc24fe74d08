import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../../../../tests/fixtures/people';
import { detectHeader, HEAD_ROWS } from '../layout/layout';
import { openFile } from '../read/read-file';
import { RosterReading, type HouseholdChunk } from './roster-source';

/** A 填表说明 sheet first, then the roster: households of two, their household cells merged down. */
async function workbook(households: number): Promise<Buffer> {
  const people = new PeopleGenerator(41, '431122');
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('填表说明');
  for (let i = 1; i <= 50; i++) notes.addRow([`${i}. 请按户填写，户主在前`]);
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['东山镇低保花名册']);
  ws.addRow(['序号', '户主姓名', '姓名', '身份证号码', '与户主关系', '月保障金额（元）']);
  for (let h = 1; h <= households; h++) {
    const [head, child] = [people.person({ bornFrom: 1950, bornTo: 1970 }), people.person({ bornFrom: 2000, bornTo: 2010 })];
    const top = ws.rowCount + 1;
    ws.addRow([h, head.name, head.name, head.idNumber, '户主', 600]);
    ws.addRow([null, null, child.name, child.idNumber, '子', null]);
    for (const c of [1, 2, 6]) ws.mergeCells(top, c, top + 1, c);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readAll(data: Buffer, chunkHouseholds: number) {
  const reading = new RosterReading(await openFile(data, '东山镇低保.xlsx'));
  expect(reading.sheetCount).toBe(2);
  expect(detectHeader(await reading.head(0))).toBeNull();
  const head = await reading.head(1);
  expect(head.rows).toHaveLength(HEAD_ROWS);
  const header = detectHeader(head)!;
  const chunks: HouseholdChunk[] = [];
  for await (const chunk of reading.households({ sheetIndex: 1, header, parse: { program: 'dibao', today: '2026-11-22' }, chunkHouseholds })) chunks.push(chunk);
  reading.close();
  return chunks;
}

describe('RosterReading', () => {
  it('reads the roster behind a notes sheet, the rows its head took included, the same in chunks of any size', async () => {
    const data = await workbook(30);
    const whole = await readAll(data, 1000);
    expect(whole).toHaveLength(1);
    const households = whole[0]!.households;
    // Rows 3–62: the first household starts under the header, though the head read rows 1–35 first.
    expect(households.map((h) => h.members.map((m) => m.row))).toEqual(Array.from({ length: 30 }, (_, i) => [3 + 2 * i, 4 + 2 * i]));
    expect(households.every((h) => h.members[1]!.relation === 'son' && h.amountFen === 60_000 && !h.hasError)).toBe(true);
    expect(whole[0]).toMatchObject({ problems: [], mergedBlocks: true, heldBackLate: [] });
    expect(whole[0]!.samples![0]).toEqual(['1', households[0]!.members[0]!.name, households[0]!.members[0]!.name, households[0]!.members[0]!.idNumber, '户主', '600']);

    const inSevens = await readAll(data, 7);
    // The first chunks are smaller, each twice the last, up to the size asked: the checking starts sooner.
    expect(inSevens.map((c) => c.households.length)).toEqual([1, 2, 4, 7, 7, 7, 2]);
    expect(inSevens.flatMap((c) => c.households)).toEqual(households);
    expect(inSevens.slice(1).every((c) => c.mergedBlocks === undefined)).toBe(true);
    // Fewer data rows than samples are taken from: they come, all of them, with the last chunk.
    expect(inSevens.slice(0, -1).every((c) => c.samples === undefined)).toBe(true);
    expect(inSevens.at(-1)!.samples).toEqual(whole[0]!.samples);
    expect(inSevens.map((c) => c.heldBackLate)).toEqual([...Array(6).fill(undefined), []]);
  });
});
