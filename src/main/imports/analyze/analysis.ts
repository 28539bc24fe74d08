/**
 * The whole analysis of a roster: pick the sheet, find its layout and mapping, detect program and
 * township, read every row, check every household against the ledger, and count. The preview runs it; the
 * commit reuses the preview's while nothing it depends on has changed, else runs it again (imports.service).
 */
import { AppError } from '../../../shared/api/errors';
import { type Program } from '../../../shared/domain/programs';
import { parseCategory } from '../../../shared/domain/import/values';
import type { Scope } from '../../../shared/domain/roles';
import type { Executor } from '../../db/schema';
import type { Grid } from '../read/grid';
import { ImportRefusal } from '../read/refusal';
import { detectLayout, type Mapping, type SheetLayout } from '../layout/layout';
import { LedgerChecker, type LedgerCheck, type Purpose } from './ledger-check';
import { fieldColumns, RowParser } from './parse-rows';
import { ProblemLog } from './problem-log';
import { programInText } from './detect-program';
import { loadRegionIndex, townshipInText } from './regions';
import type { ParsedHousehold, Problem } from './types';
import { rememberedMappings } from '../mappings.repository';

export interface AnalysisOptions {
  fileName: string;
  sheetIndex?: number;
  mapping?: Mapping;
  program?: Program;
  townshipId?: string | null;
  purpose: Purpose;
  scope: Scope;
  today: string;
  /** Households checked against the ledger at a time (tests cut a roster finely to show chunks change nothing). */
  chunkHouseholds?: number;
}

/** Households read before they are checked against the ledger together: a few queries per chunk, not per household. */
const CHECK_CHUNK = 2000;

export interface Totals {
  households: number;
  persons: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
  newPersons: number;
  changedPersons: number;
  unchangedPersons: number;
  missingPersons: number;
}

export interface Analysis {
  sheetIndex: number;
  sheetName: string;
  layout: SheetLayout;
  program: Program;
  programDetected: boolean;
  townshipId: string | null;
  townshipDetected: boolean;
  purpose: Purpose;
  households: ParsedHousehold[];
  problems: Problem[];
  check: LedgerCheck;
  totals: Totals;
  mappingRemembered: boolean;
}

export async function analyzeGrid(db: Executor, grid: Grid, options: AnalysisOptions): Promise<Analysis> {
  const ownTownship = options.scope.kind === 'township' ? options.scope.townshipId : null;
  const chosenTownship = options.townshipId !== undefined ? options.townshipId : ownTownship;
  const found = findLayout(grid, options, await rememberedMappings(db, chosenTownship));
  const { sheetIndex } = found;
  let { layout, mappingRemembered } = found;
  if (!layout) {
    const empty = grid.sheets.every((s) => s.rows.length === 0);
    throw new ImportRefusal(
      empty ? 'file_empty' : 'file_no_header',
      empty ? '表格中没有任何内容' : '在表格前 30 行中找不到表头（应有“姓名”“身份证号码”等列名）：请检查是否选错了文件或工作表',
    );
  }
  const sheetName = grid.sheets[sheetIndex]!.name;
  const context = `${layout.title} ${sheetName} ${options.fileName}`;
  const detectedProgram = programInText(context);
  const program = options.program ?? detectedProgram;
  if (!program) throw new AppError('VALIDATION', '无法从表格标题或文件名判断保障项目，请选择项目', { fields: [{ path: ['program'], message: '请选择保障项目' }] });
  const regions = await loadRegionIndex(db);
  const detectedTownship = townshipInText(regions, context);
  const townshipId = chosenTownship ?? detectedTownship;
  // The township is known from the title only now: its own remembered mapping of this template wins.
  if (!options.mapping && townshipId !== chosenTownship) {
    const own = (await rememberedMappings(db, townshipId, true)).get(layout.templateKey);
    if (own) {
      layout = detectLayout(grid.sheets[sheetIndex]!, () => own) ?? layout;
      mappingRemembered = true;
    }
  }
  // A children's roster is of one kind, named in its title: 留守 (under 16) or 困境 (under 18).
  const kinds = ['留守', '困境', '流动'].filter((word) => layout.title.includes(word));
  const titleCategory = program === 'child_care' && kinds.length === 1 ? parseCategory(program, kinds[0]!) : null;
  const log = new ProblemLog();
  const parser = new RowParser(layout, { program, today: options.today, titleCategory, amountsRequired: options.purpose === 'initial_load' && CASH_PROGRAMS.has(program) }, log);
  const checker = new LedgerChecker(db, fieldColumns(layout), regions, { program, purpose: options.purpose, townshipId, scope: options.scope }, log);
  const households: ParsedHousehold[] = [];
  let checked = 0;
  const checkUpTo = async (end: number) => {
    await checker.check(households.slice(checked, end));
    checked = end;
  };
  for (const r of layout.rows) {
    const completed = parser.push(r);
    if (!completed) continue;
    households.push(completed);
    if (households.length - checked === (options.chunkHouseholds ?? CHECK_CHUNK)) await checkUpTo(households.length);
  }
  const { last, heldBackLate } = parser.finish();
  if (last) households.push(last);
  await checkUpTo(households.length);
  checker.withdraw(heldBackLate);
  const check = await checker.finish();
  const problems = log.list;
  problems.sort((a, b) => a.row - b.row || (a.col ?? -1) - (b.col ?? -1));
  return {
    sheetIndex,
    sheetName,
    layout,
    program,
    programDetected: options.program === undefined && detectedProgram !== null,
    townshipId,
    townshipDetected: options.townshipId === undefined && townshipId !== null,
    purpose: options.purpose,
    households,
    problems,
    check,
    totals: totalsOf(households, problems, check),
    mappingRemembered: mappingRemembered && !options.mapping,
  };
}

/** The roster sheet is the chosen one, else the first whose header is found (notes sheets have none). */
function findLayout(grid: Grid, options: AnalysisOptions, remembered: Map<string, Mapping>): { layout: SheetLayout | null; sheetIndex: number; mappingRemembered: boolean } {
  const candidates = options.sheetIndex !== undefined ? [options.sheetIndex] : grid.sheets.map((_, i) => i);
  let mappingRemembered = false;
  for (const i of candidates) {
    const sheet = grid.sheets[i];
    if (!sheet) continue;
    const layout = detectLayout(
      sheet,
      (key) => {
        const m = remembered.get(key);
        if (m) mappingRemembered = true;
        return m;
      },
      options.mapping,
    );
    if (layout) return { layout, sheetIndex: i, mappingRemembered };
  }
  return { layout: null, sheetIndex: -1, mappingRemembered: false };
}

/** 建账 enters amounts as they are paid: a cash program's roster must say how much. */
const CASH_PROGRAMS: ReadonlySet<Program> = new Set(['dibao', 'tekun', 'orphan', 'de_facto_orphan', 'gaoling', 'dibao_edge', 'elder_subsidy']);

function totalsOf(households: ParsedHousehold[], problems: Problem[], check: LedgerCheck): Totals {
  const persons = households.reduce((n, h) => n + h.members.length, 0);
  const valid = households.reduce((n, h) => n + h.members.filter((m) => !m.hasError).length, 0);
  const count = (kind: string) => check.differences.filter((d) => d.kind === kind).reduce((n, d) => n + d.persons, 0);
  return {
    households: households.length,
    persons,
    valid,
    invalid: persons - valid,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    newPersons: count('new'),
    changedPersons: count('changed'),
    unchangedPersons: count('unchanged'),
    missingPersons: count('missing'),
  };
}
