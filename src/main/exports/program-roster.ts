/**
 * A program's roster (花名册) in the layout townships keep and send back: household programs list each
 * household as a block, its household cells merged down across its covered members; person programs
 * one person a row. The headers are ones the importer reads, so an exported roster imports as it is
 * (and a monthly reconciliation of it finds no change). The blank template is the same sheet without rows.
 */
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { ageOn, chineseDate } from '../../shared/domain/dates';
import { RELATION_LABELS, type Relation } from '../../shared/domain/household';
import { maskIdNumber } from '../../shared/domain/id-number';
import { SEX_LABELS } from '../../shared/domain/person-attributes';
import { COVERED_STATUSES, isHouseholdProgram, PROGRAM_CATEGORIES, PROGRAM_LABELS, type Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';
import { mergeDisjoint } from '../excel/merge-block';
import type { Viewer } from '../ledger/ledger.service';
import { yieldToEventLoop } from '../app/yield';
import { safeText } from '../excel/safe-cell';
import { addHeaderRow, addTitleRows, addTotalAndFooter, columnStyle, rosterSheetOptions } from '../excel/roster-frame';
import { XLSX_MIME, type FileToDeliver } from '../rpc/file-sink';
import { placeNames } from './roster.service';

interface MemberLine {
  name: string;
  sex: string;
  idNumber: string;
  relation: string;
  birthDate: string;
  age: number;
}

interface Block {
  township: string;
  village: string | null;
  headName: string | null;
  householdSize: number;
  category: string | null;
  amountFen: number;
  startMonth: string;
  address: string;
  bankAccount: string | null;
  members: MemberLine[];
}

type Kind = 'text' | 'id' | 'int' | 'money';
interface Column {
  header: string;
  width: number;
  kind: Kind;
  household: boolean;
  value(b: Block, m: MemberLine): string | number | null;
  total?: boolean;
}

function columnsFor(program: Program): Column[] {
  const h = (header: string, width: number, kind: Kind, value: Column['value'], total = false): Column => ({ header, width, kind, household: true, value, total });
  const p = (header: string, width: number, kind: Kind, value: Column['value']): Column => ({ header, width, kind, household: false, value });
  const place = [h('乡镇（街道）', 12, 'text', (b) => b.township), h('村（社区）', 12, 'text', (b) => b.village)];
  if (isHouseholdProgram(program)) {
    return [
      h('序号', 6, 'int', () => null),
      ...place,
      h('户主姓名', 10, 'text', (b) => b.headName),
      h('家庭人口', 8, 'int', (b) => b.householdSize, true),
      h('保障人数', 8, 'int', (b) => b.members.length, true),
      h('类别', 8, 'text', (b) => b.category),
      h('月保障金额（元）', 13, 'money', (b) => b.amountFen, true),
      h('起始月份', 9, 'text', (b) => b.startMonth),
      p('姓名', 10, 'text', (_, m) => m.name),
      p('性别', 5, 'text', (_, m) => m.sex),
      p('身份证号码', 21, 'id', (_, m) => m.idNumber),
      p('与户主关系', 11, 'text', (_, m) => m.relation),
      p('出生日期', 11, 'text', (_, m) => m.birthDate),
      h('家庭住址', 22, 'text', (b) => b.address),
      h('银行账号', 22, 'id', (b) => b.bankAccount),
    ];
  }
  return [
    h('序号', 6, 'int', () => null),
    ...place,
    p('姓名', 10, 'text', (_, m) => m.name),
    p('性别', 5, 'text', (_, m) => m.sex),
    p('身份证号码', 21, 'id', (_, m) => m.idNumber),
    p('出生日期', 11, 'text', (_, m) => m.birthDate),
    p('年龄', 6, 'int', (_, m) => m.age),
    h('类别', 10, 'text', (b) => b.category),
    h('月保障金额（元）', 13, 'money', (b) => b.amountFen, true),
    h('起始月份', 9, 'text', (b) => b.startMonth),
    h('户主姓名', 10, 'text', (b) => b.headName),
    h('家庭住址', 22, 'text', (b) => b.address),
    h('银行账号', 22, 'id', (b) => b.bankAccount),
  ];
}

const BATCH = 1000;

async function* blocks(db: Executor, viewer: Viewer, program: Program, townshipId: string | null): AsyncGenerator<Block[]> {
  const places = await placeNames(db);
  const scopeTownship = viewer.scope.kind === 'township' ? viewer.scope.townshipId : townshipId;
  let after = -1;
  for (;;) {
    let q = db
      .selectFrom('enrollments as e')
      .innerJoin('households as h', 'h.id', 'e.household_id')
      .select([sql<number>`e.rowid`.as('rid'), 'e.id', 'e.category', 'e.monthly_amount_fen', 'e.start_month', 'h.id as household_id', 'h.township_id', 'h.village_id', 'h.address', 'h.bank_account', 'h.head_person_id'])
      .select(sql<number>`(select count(*) from persons where household_id = h.id and deceased_on is null)`.as('size'))
      .where('e.program', '=', program)
      .where('e.status', 'in', [...COVERED_STATUSES])
      .where(sql`e.rowid`, '>', after);
    if (scopeTownship) q = q.where('e.township_id', '=', scopeTownship);
    const rows = await q.orderBy(sql`e.rowid`).limit(BATCH).execute();
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]!.rid);
    const members = await db
      .selectFrom('enrollment_members as em')
      .innerJoin('persons as p', 'p.id', 'em.person_id')
      .select(['em.enrollment_id', 'p.id', 'p.name', 'p.sex', 'p.id_number', 'p.relation', 'p.birth_date'])
      .where('em.enrollment_id', 'in', rows.map((r) => r.id))
      .orderBy('em.enrollment_id')
      .orderBy(sql`p.rowid`)
      .execute();
    const heads = new Map((await db.selectFrom('persons').select(['id', 'name']).where('id', 'in', rows.map((r) => r.head_person_id ?? '')).execute()).map((p) => [p.id, p.name]));
    const byEnrollment = new Map<string, MemberLine[]>();
    for (const m of members) {
      const list = byEnrollment.get(m.enrollment_id) ?? [];
      const line: MemberLine = {
        name: m.name,
        sex: SEX_LABELS[m.sex as 'male' | 'female'],
        idNumber: viewer.maskIds ? maskIdNumber(m.id_number) : m.id_number,
        relation: RELATION_LABELS[(m.relation ?? 'other') as Relation],
        birthDate: m.birth_date,
        age: ageOn(m.birth_date, viewer.today),
      };
      // The head first, as townships list a household.
      if (m.relation === 'self') list.unshift(line);
      else list.push(line);
      byEnrollment.set(m.enrollment_id, list);
    }
    yield rows.map((r) => ({
      township: places.township.get(r.township_id) ?? '',
      village: r.village_id ? (places.village.get(r.village_id) ?? null) : null,
      headName: r.head_person_id ? (heads.get(r.head_person_id) ?? null) : null,
      householdSize: Number(r.size),
      category: r.category ? (PROGRAM_CATEGORIES[program]?.[r.category] ?? r.category) : null,
      amountFen: r.monthly_amount_fen,
      startMonth: r.start_month,
      address: r.address,
      bankAccount: r.bank_account ? (viewer.maskIds ? maskIdNumber(r.bank_account) : r.bank_account) : null,
      members: byEnrollment.get(r.id) ?? [],
    }));
    await yieldToEventLoop();
  }
}

export interface ProgramRosterMeta {
  countyName: string;
  townshipName: string | null;
  preparedBy: string;
  today: string;
}

async function writeRoster(out: Writable, program: Program, meta: ProgramRosterMeta, source: AsyncIterable<Block[]> | null): Promise<number> {
  const columns = columnsFor(program);
  const n = columns.length;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(source ? '花名册' : '导入模板', rosterSheetOptions());
  ws.columns = columns.map((c) => ({ width: c.width }));
  addTitleRows(
    ws,
    n,
    `${meta.countyName}${meta.townshipName ?? ''}${PROGRAM_LABELS[program]}花名册${source ? '' : '（导入模板）'}`,
    `${source ? `截至 ${chineseDate(meta.today)}` : '填表说明：一户多人时，户主姓名、家庭人口、金额等户信息可合并单元格；身份证号码请设为文本格式'}\u3000\u3000单位：户、人、元`,
    source ? 'right' : 'left',
  );
  addHeaderRow(ws, columns.map((c) => c.header));
  const styles = columns.map((c) => ({ ...columnStyle(c.kind), alignment: { vertical: 'middle' as const } }));
  const totals = columns.map(() => 0);
  let seq = 0;
  let rowNumber = 3;
  let persons = 0;
  for await (const batch of source ?? []) {
    for (const b of batch) {
      seq += 1;
      const lines = b.members;
      const top = rowNumber + 1;
      // The streaming writer merges only rows not yet committed: add the block, merge, then commit it.
      const added = lines.map((m, i) => {
        const row = ws.addRow(
          columns.map((c, ci) => {
            if (c.household && i > 0) return null;
            if (ci === 0) return seq;
            const v = c.value(b, m);
            if (c.total && i === 0 && typeof v === 'number') totals[ci]! += v;
            if (v === null) return null;
            if (c.kind === 'money') return Number(v) / 100;
            return typeof v === 'string' ? safeText(v) : v;
          }),
        );
        for (let ci = 0; ci < n; ci++) row.getCell(ci + 1).style = styles[ci]!;
        rowNumber += 1;
        persons += 1;
        return row;
      });
      if (lines.length > 1) columns.forEach((c, ci) => c.household && mergeDisjoint(ws, top, ci + 1, rowNumber, ci + 1));
      for (const row of added) row.commit();
    }
  }
  addTotalAndFooter(
    ws,
    columns.map((c, i) => (c.total ? (c.kind === 'money' ? totals[i]! / 100 : totals[i]!) : null)),
    columns.map((c) => c.kind),
    meta.preparedBy,
    meta.today,
  );
  await ws.commit();
  await workbook.commit();
  return persons;
}

export function programRosterFile(db: Executor, viewer: Viewer, program: Program, townshipId: string | null, meta: ProgramRosterMeta): FileToDeliver {
  const name = `${meta.countyName}${meta.townshipName ?? ''}${PROGRAM_LABELS[program]}花名册_${meta.today.replaceAll('-', '')}.xlsx`;
  return { fileName: name, mimeType: XLSX_MIME, write: (out) => writeRoster(out, program, meta, blocks(db, viewer, program, townshipId)) };
}

export function templateFile(program: Program, meta: ProgramRosterMeta): FileToDeliver {
  return { fileName: `${PROGRAM_LABELS[program]}花名册导入模板.xlsx`, mimeType: XLSX_MIME, write: (out) => writeRoster(out, program, meta, null) };
}
