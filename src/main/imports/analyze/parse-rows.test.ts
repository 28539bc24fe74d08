import { describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../../../../tests/fixtures/people';
import { checkCharacter } from '../../../shared/domain/id-number';
import type { Program } from '../../../shared/domain/programs';
import type { CellValue, GridSheet, MergeRange } from '../read/grid';
import { detectHeader } from '../layout/layout';
import { gridRoster } from './roster-source';
import type { ParsedHousehold, Problem } from './types';

const TODAY = '2026-11-22';

/** The households and problems of a one-sheet roster, read as the analysis reads it, a household a chunk. */
async function parsed(rows: CellValue[][], program: Program, merges: MergeRange[] = [], titleCategory: string | null = null) {
  const sheet: GridSheet = { name: '花名册', rows: rows.map((cells, i) => ({ number: i + 1, cells })), merges, hiddenColumns: [], columnWidths: [] };
  const roster = gridRoster({ format: 'xlsx', sheets: [sheet] });
  const header = detectHeader(await roster.head(0))!;
  const households: ParsedHousehold[] = [];
  const problems: Problem[] = [];
  for await (const chunk of roster.households({ sheetIndex: 0, header, parse: { program, today: TODAY, titleCategory }, chunkHouseholds: 1 })) {
    households.push(...chunk.households);
    problems.push(...chunk.problems);
  }
  return { households: households.map((h) => h.members.map((m) => m.row)), problems: problems.map((p) => [p.row, p.col, p.code]), messages: problems.map((p) => p.message) };
}

const merge = (top: number, col: number, bottom: number): MergeRange => ({ top, left: col, bottom, right: col });

describe('RowParser', () => {
  it('keeps each elder of a person program’s roster a household of their own when 户主姓名 is left blank', async () => {
    const people = new PeopleGenerator(31, '431122');
    const elders = [0, 1, 2].map(() => people.person({ bornFrom: 1930, bornTo: 1940 }));
    const { households, problems } = await parsed(
      [['序号', '户主姓名', '姓名', '身份证号码', '月发放金额（元）'], ...elders.map((e, i) => [i + 1, i === 0 ? e.name : null, e.name, e.idNumber, 100])],
      'gaoling',
    );
    expect(households).toEqual([[2], [3], [4]]);
    expect(problems).toEqual([]);
  });

  it('lets a blank household cell continue the household above in a 低保 roster, and a member’s relation in a person program’s', async () => {
    const people = new PeopleGenerator(32, '431122');
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => people.person(k % 2 ? { bornFrom: 1934, bornTo: 1940 } : { bornFrom: 1930, bornTo: 1933 }));
    const header = ['户主姓名', '姓名', '身份证号码', '与户主关系', '月保障金额（元）'];
    expect((await parsed([header, [a!.name, a!.name, a!.idNumber, '户主', 900], [null, b!.name, b!.idNumber, '配偶', null]], 'dibao')).households).toEqual([[2, 3]]);
    const gaoling = await parsed([header, [c!.name, c!.name, c!.idNumber, '户主', 100], [null, d!.name, d!.idNumber, '配偶', 100]], 'gaoling');
    expect(gaoling.households).toEqual([[2, 3]]);
    expect(gaoling.problems).toEqual([]);
  });

  it('reads a roster keyed by 序号 alone as household blocks where its household cells are merged down, else a person a row', async () => {
    const people = new PeopleGenerator(37, '431122');
    const [a, b] = [0, 1].map(() => people.person({ bornFrom: 1950, bornTo: 1990 }));
    const header = ['序号', '姓名', '身份证号码', '月保障金额（元）'];
    const rows = [header, [1, a!.name, a!.idNumber, 600], [null, b!.name, b!.idNumber, null]];
    expect((await parsed(rows, 'dibao', [merge(2, 0, 3), merge(2, 3, 3)])).households).toEqual([[2, 3]]);
    expect((await parsed(rows, 'dibao')).households).toEqual([[2], [3]]);
  });

  it('reports a bad 户主身份证号码 instead of dropping it', async () => {
    const people = new PeopleGenerator(33, '431122');
    const head = people.person({ bornFrom: 1950, bornTo: 1960 });
    const wrong = `${head.idNumber.slice(0, 17)}${head.idNumber[17] === '1' ? '2' : '1'}`;
    const { problems, messages } = await parsed([['户主身份证号码', '姓名', '身份证号码', '与户主关系', '月保障金额（元）'], [wrong, head.name, head.idNumber, '户主', 600]], 'dibao');
    expect(problems).toEqual([[2, 0, 'id_checksum']]);
    expect(messages[0]).toMatch(/^户主身份证号码/);
  });

  it('finds a member’s own bad amount, and an amount merged across a person program’s block, at the member’s row', async () => {
    const people = new PeopleGenerator(34, '431122');
    const [a, b, c, d] = [0, 1, 2, 3].map(() => people.person({ bornFrom: 1930, bornTo: 1940 }));
    const header = ['序号', '户主姓名', '姓名', '身份证号码', '与户主关系', '月发放金额（元）'];
    const own = await parsed([header, [1, a!.name, a!.name, a!.idNumber, '户主', 100], [null, null, b!.name, b!.idNumber, '配偶', '一千']], 'gaoling', [merge(2, 0, 3), merge(2, 1, 3)]);
    expect(own.problems).toEqual([[3, 5, 'amount_not_number']]);
    const shared = await parsed([header, [1, c!.name, c!.name, c!.idNumber, '户主', 200], [null, null, d!.name, d!.idNumber, '配偶', null]], 'gaoling', [merge(2, 0, 3), merge(2, 1, 3), merge(2, 5, 3)]);
    expect(shared.problems).toEqual([[3, 5, 'missing_required']]);
    // The same merged amount is one household's in a 低保 roster.
    expect((await parsed([header, [1, c!.name, c!.name, c!.idNumber, '户主', 200], [null, null, d!.name, d!.idNumber, '配偶', null]], 'dibao', [merge(2, 0, 3), merge(2, 1, 3), merge(2, 5, 3)])).problems).toEqual([]);
  });

  it('reports a row after 合计 that holds an ID number, as a household of its own', async () => {
    const people = new PeopleGenerator(35, '431122');
    const [a, b] = [0, 1].map(() => people.person({ bornFrom: 1950, bornTo: 1960 }));
    const { households, problems, messages } = await parsed(
      [['户主姓名', '姓名', '身份证号码', '与户主关系', '月保障金额（元）'], [a!.name, a!.name, a!.idNumber, '户主', 600], ['合计', null, null, null, 600], [null, b!.name, b!.idNumber, '户主', 500]],
      'dibao',
    );
    expect(households).toEqual([[2], [4]]);
    expect(problems).toEqual([[4, null, 'row_after_end']]);
    expect(messages[0]).toBe('这一行在第 3 行“合计”之后，无法确定是否属于本名册：属于的请移到合计行之上，不属于的请删除');
  });

  it('judges a child’s age by the roster’s kind: 留守 under 16, 困境 under 18, named in a column or the title', async () => {
    const people = new PeopleGenerator(36, '431122');
    const child = people.person({ bornFrom: 2009, bornTo: 2009 });
    const rows = [['姓名', '身份证号码'], [child.name, child.idNumber]];
    expect((await parsed(rows, 'child_care', [], 'in_difficulty')).problems).toEqual([]);
    expect((await parsed(rows, 'child_care', [], 'left_behind')).problems).toEqual([[2, 1, 'age_ineligible']]);
    const unnamed = await parsed(rows, 'child_care');
    expect(unnamed.problems).toEqual([[2, 1, 'age_ineligible']]);
    expect(unnamed.messages[0]).toContain('表中未注明类别，按农村留守儿童判断');
  });

  it('reports IDs that lost their last three digits as text (a CSV of a column once held as numbers), also one whose check digit happens to fit', async () => {
    const people = new PeopleGenerator(34, '431122');
    const truncated = (id: string) => `${id.slice(0, 15)}000`;
    const fits = (id: string) => checkCharacter(truncated(id).slice(0, 17)) === '0';
    const adults = Array.from({ length: 200 }, () => people.person({ bornFrom: 1950, bornTo: 1980 }));
    const failing = adults.find((p) => !fits(p.idNumber))!;
    const fitting = adults.find((p) => fits(p.idNumber))!;
    const whole = adults.find((p) => p !== failing && p !== fitting)!;
    const header = ['序号', '姓名', '身份证号码', '月保障金额（元）'];
    const row = (i: number, p: typeof whole, id: string) => [i, p.name, id, 600];
    const both = await parsed([header, row(1, failing, truncated(failing.idNumber)), row(2, fitting, truncated(fitting.idNumber)), row(3, whole, whole.idNumber)], 'dibao');
    expect(both.problems).toEqual([
      [2, 2, 'id_scientific_notation'],
      [3, 2, 'id_scientific_notation'],
    ]);
    expect(both.messages[0]).toContain('后三位已丢失');
    expect(both.messages[1]).toContain('虽能通过校验');
    // Alone, an ID ending in 000 that passes the check is taken as it is: real ones do end so.
    expect((await parsed([header, row(1, fitting, truncated(fitting.idNumber)), row(2, whole, whole.idNumber)], 'dibao')).problems).toEqual([]);
  });
});
