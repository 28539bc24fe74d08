/**
 * From the data rows of a layout to households of persons, with every problem a row has on its own
 * (IDs, required cells, numbers, dates, sex and relation against the ID) and every problem of a household
 * (no head, program age rules, duplicates within the file). Nothing here reads the ledger.
 */
import { ageOn } from '../../../shared/domain/dates';
import { IMPORT_FIELDS, type ImportField } from '../../../shared/domain/import/fields';
import { cleanPersonName, cleanText, parseCategory, parseHukou, parseRelation, parseSex } from '../../../shared/domain/import/values';
import { gaolingBand, isHouseholdProgram, PROGRAM_SHORT_LABELS, type Program } from '../../../shared/domain/programs';
import type { RowProblemCode, Severity } from '../../../shared/domain/import/problems';
import { GRID_LIMITS, type CellValue } from '../read/grid';
import { cellText } from '../layout/cell-text';
import type { DataRow, SheetLayout } from '../layout/layout';
import { lostLastDigits, readAccount, readAmount, readCount, readDate, readIdNumber, readMonth } from './cell-values';
import type { FieldColumns, ParsedHousehold, ParsedPerson, Problem } from './types';
import type { ProblemLog } from './problem-log';

const MAX_LENGTH: Partial<Record<ImportField, number>> = { name: 50, address: 200, notes: 500, village: 60, township: 60, headName: 50, bankName: 60, phone: 40, category: 40 };
const DEFAULT_MAX = 100;

/**
 * Whether the roster's end may still hold the household back (RowParser.finish): an ID of its ends in 000,
 * which the rest of the ID column may show lost its digits. Who counts or writes households as they come
 * leaves these for the end.
 */
export function mayBeHeldBackLate(h: ParsedHousehold): boolean {
  return h.members.some((m) => m.idNumber !== null && lostLastDigits(m.idNumber));
}

export interface ParseOptions {
  program: Program;
  /** Ages are judged on this date. */
  today: string;
  /** The category the title names (农村留守儿童花名册), for households whose row names none. */
  titleCategory?: string | null;
  /** Every household (or, in a person program, every person) must have an amount: a 建账 of a cash program. */
  amountsRequired?: boolean;
}

export function fieldColumns(layout: Pick<SheetLayout, 'columns'>): FieldColumns {
  const cols: FieldColumns = {};
  for (const c of layout.columns) if (c.field && cols[c.field] === undefined) cols[c.field] = c.index;
  return cols;
}

/**
 * Reads data rows one at a time, in the sheet's order, into households. Households must never be cut
 * apart: a row continues the block above while its household cells are merged or blank, so a household is
 * complete only when the next one starts (push) or the rows end (finish). Its problems are then all in the
 * log, except lost digits, which only the whole ID column shows (finish).
 */
export class RowParser {
  private readonly cols: FieldColumns;
  /** The mapped fields with their columns and stated length limits, listed once: every row is checked against them. */
  private readonly limits: { field: ImportField; index: number; max: number }[];
  private readonly keyField: ImportField | null;
  private readonly blockLayout: boolean;
  private current: ParsedHousehold | null = null;
  private currentAfterEnd = false;
  private previousKey = '';
  /** The first row of each ID number met. */
  private readonly seen = new Map<string, number>();
  /** IDs in the ID column that lost digits, and members whose ID ends in 000 (with their households). */
  private lost = 0;
  private readonly endingInZeros: { member: ParsedPerson; household: ParsedHousehold }[] = [];
  /** Rows whose amount was flagged unreadable or missing (建账 does not flag them twice). */
  private readonly amountFlagged = new Set<number>();

  constructor(
    layout: Pick<SheetLayout, 'columns' | 'mergedBlocks'>,
    private readonly options: ParseOptions,
    private readonly log: ProblemLog,
  ) {
    const cols = (this.cols = fieldColumns(layout));
    this.limits = (Object.entries(cols) as [ImportField, number][]).map(([field, index]) => ({ field, index, max: MAX_LENGTH[field] ?? DEFAULT_MAX }));
    this.keyField = cols.headIdNumber !== undefined ? 'headIdNumber' : cols.headName !== undefined ? 'headName' : cols.seq !== undefined ? 'seq' : null;
    this.blockLayout = this.keyField !== null && (cols.relation !== undefined || this.keyField !== 'seq' || layout.mergedBlocks);
  }

  private readonly add: Add = (row, field, code, message, severity = 'error') => {
    if (field === 'amount' && (code === 'amount_not_number' || code === 'missing_required')) this.amountFlagged.add(row);
    if (field === 'idNumber' && code === 'id_scientific_notation') this.lost += 1;
    this.log.add({
      row,
      col: field === null ? null : (this.cols[field] ?? null),
      code,
      severity,
      message,
      ...(code === 'household_without_head' || (field !== null && IMPORT_FIELDS[field].level === 'household') ? { householdLevel: true } : {}),
    });
  };

  private readonly cell: Cell = (r, f) => (this.cols[f] === undefined ? null : (r.cells[this.cols[f]] ?? null));
  private readonly text = (r: DataRow, f: ImportField) => cleanText(cellText(this.cell(r, f)));

  /** Reads the row; answers the household it completes by starting the next one, if it does. */
  push(r: DataRow): ParsedHousehold | null {
    const { cols, keyField, options, add, cell, text } = this;
    for (const { field, index, max } of this.limits) {
      const v = r.cells[index];
      if (typeof v === 'string' && v.length > Math.min(max, GRID_LIMITS.maxCellChars)) add(r.number, field, 'value_too_long', `内容过长（${v.length > GRID_LIMITS.maxCellChars ? `超过 ${GRID_LIMITS.maxCellChars}` : v.length} 个字，上限 ${max} 个字）`);
    }
    const { person, amountProblem } = parsePerson(r, cell, add);
    if (r.afterEnd) add(r.number, null, 'row_after_end', `这一行在第 ${r.afterEnd.row} 行“${r.afterEnd.text}”之后，无法确定是否属于本名册：属于的请移到合计行之上，不属于的请删除`);
    const keyText = keyField ? text(r, keyField) : '';
    const keyMerged = keyField !== null && Boolean(r.merged?.has(cols[keyField]!));
    const current = this.current;
    const continues =
      this.blockLayout &&
      current !== null &&
      // No household runs on across the roster's end.
      Boolean(r.afterEnd) === this.currentAfterEnd &&
      (keyMerged ||
        // A blank key continues the block in a household program's roster (members under their household's
        // cells); in a person program's only a member's relation does: each elder or child is a row of their own.
        (keyText === '' && (isHouseholdProgram(options.program) || (person.relation !== null && person.relation !== 'self'))) ||
        (keyText === this.previousKey && keyText !== '' && keyField !== 'seq') ||
        (keyField === 'seq' && person.relation !== null && person.relation !== 'self' && !r.merged)) &&
      !(person.relation === 'self' && current.members.some((m) => m.relation === 'self') && !keyMerged);
    let completed: ParsedHousehold | null = null;
    if (!continues) {
      if (current) completed = this.complete(current);
      this.current = newHousehold(r, cell, text, add, options);
      this.currentAfterEnd = Boolean(r.afterEnd);
    }
    if (keyText) this.previousKey = keyText;
    const amountMerged = cols.amount !== undefined && Boolean(r.merged?.has(cols.amount));
    if (continues && amountProblem && !amountMerged) add(r.number, 'amount', amountProblem.code, amountProblem.message);
    // A person program pays each person their own amount: one cell merged across a block names no one's.
    if (continues && amountMerged && !isHouseholdProgram(options.program)) {
      add(r.number, 'amount', 'missing_required', '保障金额与上一行合并在一起，看不出每人多少：请按人逐行填写');
      person.amountFen = null;
    }
    this.current!.members.push(person);
    return completed;
  }

  /**
   * Ends the rows: answers the last household, if any, and the households problems of the whole column
   * found only now hold back (IDs ending in 000 where the column visibly lost digits elsewhere).
   */
  finish(): { last: ParsedHousehold | null; heldBackLate: ParsedHousehold[] } {
    const last = this.current ? this.complete(this.current) : null;
    this.current = null;
    const heldBackLate: ParsedHousehold[] = [];
    // Where the ID column lost digits in some rows (stored as numbers), an ID there that ends in 000 lost them
    // too even when its check digit happens to fit (one in eleven do): it would register the wrong number.
    if (this.lost > 0) {
      const lost = this.lost;
      for (const { member, household } of this.endingInZeros) {
        this.add(member.row, 'idNumber', 'id_scientific_notation', `本列另有 ${lost} 个号码丢失了后几位；本行号码末三位也是 000，虽能通过校验，多半同样丢失了，请按户口本核对后重新录入`);
        if (heldBackLate.at(-1) !== household) heldBackLate.push(household);
      }
    }
    for (const h of heldBackLate) this.log.mark(h);
    return { last, heldBackLate };
  }

  /** The household's own problems, once all its rows are read: head, ages, amounts, duplicates in the file. */
  private complete(h: ParsedHousehold): ParsedHousehold {
    finishHousehold(h, this.cols, this.add, this.options, this.blockLayout);
    if (this.options.amountsRequired) this.requireAmounts(h);
    for (const m of h.members) {
      if (!m.idNumber) continue;
      const first = this.seen.get(m.idNumber);
      if (first !== undefined) {
        this.add(m.row, 'idNumber', 'duplicate_in_file', `与第 ${first} 行是同一身份证号码（同一人不能出现两次）`);
      } else this.seen.set(m.idNumber, m.row);
      if (lostLastDigits(m.idNumber)) this.endingInZeros.push({ member: m, household: h });
    }
    this.log.mark(h);
    return h;
  }

  /** 建账 enters amounts as they are paid: a cash program's roster must say how much. */
  private requireAmounts(h: ParsedHousehold): void {
    const col = this.cols.amount ?? null;
    const message = col === null ? '表中没有月保障金额列（或未对应）：建账须填写每户的金额' : '月保障金额为空';
    if (isHouseholdProgram(this.options.program) || h.members.length === 1) {
      if (h.amountFen !== null || this.amountFlagged.has(h.firstRow)) return;
      this.log.add({ row: h.firstRow, col, code: 'missing_required', severity: 'error', message, householdLevel: true });
    } else {
      // A person program in household blocks pays each member their own amount, on their own row.
      for (const m of h.members) {
        if (m.amountFen === null && !this.amountFlagged.has(m.row)) this.log.add({ row: m.row, col, code: 'missing_required', severity: 'error', message: `${message}（每人须填写自己的金额）` });
      }
    }
  }
}

type Add = (row: number, field: ImportField | null, code: RowProblemCode, message: string, severity?: Severity) => void;
type Cell = (r: DataRow, f: ImportField) => CellValue;

/** The row's person; a problem with its amount is the household's on its first row, reported by the caller on a member's. */
function parsePerson(r: DataRow, cell: Cell, add: Add): { person: ParsedPerson; amountProblem: Pick<Problem, 'code' | 'message'> | null } {
  const rawName = cellText(cell(r, 'name'));
  const name = cleanPersonName(rawName);
  if (!name) add(r.number, 'name', 'missing_required', '姓名为空');
  const idCell = cell(r, 'idNumber');
  let idNumber: string | null = null;
  let sex: ParsedPerson['sex'] = null;
  let birthDate: string | null = null;
  if (idCell === null || cellText(idCell) === '') add(r.number, 'idNumber', 'missing_required', '身份证号码为空');
  else {
    const id = readIdNumber(idCell);
    if (id.ok) {
      idNumber = id.value;
      sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
      birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    } else add(r.number, 'idNumber', id.code, id.message);
  }
  const sexCell = cellText(cell(r, 'sex'));
  if (sexCell) {
    const typed = parseSex(sexCell);
    if (!typed) add(r.number, 'sex', 'gender_mismatch_with_id', `性别“${sexCell}”无法识别，应为男或女`);
    else if (sex && typed !== sex) add(r.number, 'sex', 'gender_mismatch_with_id', `性别填的是“${sexCell}”，身份证号码显示为${sex === 'male' ? '男' : '女'}`);
  }
  const birthCell = cell(r, 'birthDate');
  if (birthCell !== null && cellText(birthCell) !== '') {
    const d = readDate(birthCell);
    if (!d.ok) add(r.number, 'birthDate', d.code, d.message);
    else if (birthDate && d.value !== birthDate) add(r.number, 'birthDate', 'birthdate_mismatch_with_id', `出生日期填的是 ${d.value}，身份证号码显示为 ${birthDate}`);
  }
  const relationText = cellText(cell(r, 'relation'));
  let relation: ParsedPerson['relation'] = null;
  if (relationText) {
    relation = parseRelation(relationText);
    if (!relation) add(r.number, 'relation', 'relation_unknown', `与户主关系“${relationText}”无法识别，应为户主、配偶、子、女、父母、孙子女、兄弟姐妹或其他`);
  }
  let amountFen: number | null = null;
  let amountProblem: Pick<Problem, 'code' | 'message'> | null = null;
  const amountCell = cell(r, 'amount');
  if (amountCell !== null && cellText(amountCell) !== '') {
    const a = readAmount(amountCell);
    if (a.ok) amountFen = a.value;
    else amountProblem = a;
  }
  return { person: { row: r.number, name, idNumber, sex, birthDate, relation, relationGiven: relationText !== '', amountFen, hasError: false }, amountProblem };
}

function newHousehold(r: DataRow, cell: Cell, text: (r: DataRow, f: ImportField) => string, add: Add, options: ParseOptions): ParsedHousehold {
  const opt = (f: ImportField) => text(r, f) || null;
  let amountFen: number | null = null;
  const amountCell = cell(r, 'amount');
  if (amountCell !== null && cellText(amountCell) !== '') {
    const a = readAmount(amountCell);
    if (a.ok) amountFen = a.value;
    else add(r.number, 'amount', a.code, a.message);
  }
  let startMonth: string | null = null;
  const startCell = cell(r, 'startMonth');
  if (startCell !== null && cellText(startCell) !== '') {
    const m = readMonth(startCell);
    if (m.ok) startMonth = m.value;
    else add(r.number, 'startMonth', m.code, m.message);
  }
  let bankAccount: string | null = null;
  const accountCell = cell(r, 'bankAccount');
  if (accountCell !== null && cellText(accountCell) !== '') {
    const a = readAccount(accountCell);
    if (a.ok) bankAccount = a.value;
    else add(r.number, 'bankAccount', a.code, a.message);
  }
  const hukouText = opt('hukouType');
  const hukouType = hukouText ? parseHukou(hukouText) : null;
  if (hukouText && !hukouType) add(r.number, 'hukouType', 'category_unknown', `户籍性质“${hukouText}”无法识别，应为城镇或农村`);
  const categoryText = opt('category');
  const category = categoryText ? parseCategory(options.program, categoryText) : (options.titleCategory ?? null);
  if (categoryText && !category && options.program !== 'gaoling') add(r.number, 'category', 'category_unknown', `类别“${categoryText}”不是${PROGRAM_SHORT_LABELS[options.program]}的类别`);
  const headId = cell(r, 'headIdNumber');
  const head = headId !== null && cellText(headId) !== '' ? readIdNumber(headId) : null;
  if (head && !head.ok) add(r.number, 'headIdNumber', head.code, `户主${head.message}`);
  return {
    firstRow: r.number,
    members: [],
    townshipText: opt('township'),
    villageText: opt('village'),
    headName: text(r, 'headName') ? cleanPersonName(text(r, 'headName')) : null,
    headIdNumber: head?.ok ? head.value : null,
    householdSize: readCount(cell(r, 'householdSize')),
    coveredCount: readCount(cell(r, 'coveredCount')),
    hukouType,
    category,
    amountFen,
    startMonth,
    address: opt('address'),
    phone: opt('phone'),
    bankName: opt('bankName'),
    bankAccount,
    notes: opt('notes'),
    townshipId: null,
    villageId: null,
    hasError: false,
  };
}

/** The head, the relations of a one-person household, the program's age rules. */
function finishHousehold(h: ParsedHousehold, cols: FieldColumns, add: Add, options: ParseOptions, blockLayout: boolean) {
  const { program, today } = options;
  // One person a row: each is their own household. A one-person block is its own head.
  if (!blockLayout) for (const m of h.members) m.relation = 'self';
  else if (h.members.length === 1) h.members[0]!.relation ??= 'self';
  if (blockLayout && cols.relation === undefined && h.members.length > 1) {
    const head = h.members.find((m) => (h.headIdNumber && m.idNumber === h.headIdNumber) || (h.headName && m.name === h.headName)) ?? (h.headName ? undefined : h.members[0]);
    for (const m of h.members) m.relation = m === head ? 'self' : 'other';
  }
  if (blockLayout && cols.relation !== undefined && h.members.length > 1) {
    for (const m of h.members) if (!m.relationGiven) add(m.row, 'relation', 'missing_required', '与户主关系为空');
  }
  const heads = h.members.filter((m) => m.relation === 'self');
  // A person program's roster lists its beneficiaries, not whole households: an elder's head of household may not be one.
  if (isHouseholdProgram(program) && heads.length === 0 && h.members.every((m) => m.relation !== null)) {
    add(h.firstRow, cols.relation !== undefined ? 'relation' : 'headName', 'household_without_head', `这一户（${h.members.map((m) => m.name || '无名').join('、')}）没有户主，请在“与户主关系”中标明户主`);
  }
  for (const m of h.members) {
    if (!m.birthDate) continue;
    const age = ageOn(m.birthDate, today);
    if (program === 'gaoling' && !gaolingBand(age)) add(m.row, 'idNumber', 'age_ineligible', `${m.name}现年 ${age} 岁，未满 80 周岁，不能享受高龄津贴`);
    if ((program === 'orphan' || program === 'de_facto_orphan') && age >= 18) add(m.row, 'idNumber', 'age_ineligible', `${m.name}现年 ${age} 岁，已满 18 周岁，不能纳入${PROGRAM_SHORT_LABELS[program]}`);
    if (program === 'child_care' && (h.category ?? 'left_behind') === 'left_behind' && age >= 16) {
      const unnamed = h.category === null ? '（表中未注明类别，按农村留守儿童判断；困境儿童请在“类别”列或标题中注明）' : '';
      add(m.row, 'idNumber', 'age_ineligible', `${m.name}现年 ${age} 岁，已满 16 周岁，不再属于农村留守儿童${unnamed}`);
    }
  }
}
