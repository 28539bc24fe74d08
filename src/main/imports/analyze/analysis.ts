/**
 * The whole analysis of a roster: pick the sheet, find its header and mapping, detect program and
 * township, read every row, check every household against the ledger, and count. The preview runs it; the
 * commit reuses the preview's while nothing it depends on has changed, else runs it again as it writes
 * (imports.service, commit).
 */
import { AppError } from '../../../shared/api/errors';
import { type Program } from '../../../shared/domain/programs';
import { parseCategory } from '../../../shared/domain/import/values';
import type { Scope } from '../../../shared/domain/roles';
import type { Executor } from '../../db/schema';
import { ImportRefusal } from '../read/refusal';
import { detectHeader, type Mapping, type SheetHeader, type SheetLayout } from '../layout/layout';
import { LedgerChecker, type LedgerCheck, type Purpose } from './ledger-check';
import { fieldColumns, mayBeHeldBackLate } from './parse-rows';
import type { RosterSource, SheetHead } from './roster-source';
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
  /** Work out the persons' search keys while reading (a 建账 stores them). */
  searchKeys?: boolean;
  /** The batch that writes each chunk once it is checked (a streamed 建账): what it wrote is not the ledger's. */
  writingBatch?: string;
}

/**
 * Households read before they are checked against the ledger together: a few queries per chunk, not per
 * household. Small enough that a streamed 建账's chunk is written and gone before the collector would
 * move it to the old generation: 500 instead of 2,000 households took a 100,000-person 建账 0.86 and 0.96 of
 * the time (two rounds of alternating runs, median pair) and lowered its peak from 353 to 329 MB.
 */
const CHECK_CHUNK = 500;

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
  /** The first data rows' cell texts, what the preview shows of each column. */
  samples: string[][];
  program: Program;
  programDetected: boolean;
  townshipId: string | null;
  townshipDetected: boolean;
  purpose: Purpose;
  /** Every household in the roster's order; none when a follower took them chunk by chunk (a streamed commit). */
  households: ParsedHousehold[];
  /** The households without errors and in a township, which a commit enters, and their persons. */
  ready: { households: number; persons: number };
  problems: Problem[];
  check: LedgerCheck;
  totals: Totals;
  mappingRemembered: boolean;
}

/** What the analysis knows once it has found the header, before any household is read. */
export type AnalysisStart = Pick<Analysis, 'sheetIndex' | 'sheetName' | 'program' | 'townshipId' | 'purpose'> & {
  /** The rows the sheet holds (a few more than its persons). */
  rowCount: number;
};

/** A chunk of households just checked against the ledger, with what the check found of each. */
export interface CheckedChunk {
  households: ParsedHousehold[];
  /** The ledger household each is, or null. */
  matched: (string | null)[];
  /** Everyone the check found in the ledger so far, by ID number. */
  ledgerPersons: LedgerCheck['ledgerPersons'];
}

/** Who follows an analysis as it goes: the commit writes each chunk as it is checked. */
export interface AnalysisFollower {
  started(start: AnalysisStart): Promise<void>;
  checked(chunk: CheckedChunk): Promise<void>;
}

/**
 * The roster's analysis against the ledger `db` reads: the header found in a sheet's head, then the
 * households chunk by chunk as the source reads them, each checked against the ledger before the next.
 */
export async function analyzeRoster(db: Executor, source: RosterSource, options: AnalysisOptions, follower?: AnalysisFollower, found?: RosterHeader): Promise<Analysis> {
  try {
    return await analyze(db, source, options, follower, found);
  } finally {
    source.close();
  }
}

export type RosterHeader = NonNullable<Awaited<ReturnType<typeof findHeader>>> & { chosenTownship: string | null };

/**
 * The roster's sheet and header, or the file's refusal. Opening a sheet reads it through once (its merged
 * ranges come after the rows), so a file refused there, a sheet of too many ranges or none with a header,
 * is refused by this: a commit asks it before it touches the ledger and hands it to the analysis.
 */
export async function rosterHeader(db: Executor, source: RosterSource, options: AnalysisOptions): Promise<RosterHeader> {
  const ownTownship = options.scope.kind === 'township' ? options.scope.townshipId : null;
  const chosenTownship = options.townshipId !== undefined ? options.townshipId : ownTownship;
  const found = await findHeader(source, options, await rememberedMappings(db, chosenTownship));
  if (!found) {
    let empty = true;
    for (let i = 0; i < source.sheetCount && empty; i++) empty = (await source.head(i)).rows.length === 0;
    throw new ImportRefusal(
      empty ? 'file_empty' : 'file_no_header',
      empty ? '表格中没有任何内容' : '在表格前 30 行中找不到表头（应有“姓名”“身份证号码”等列名）：请检查是否选错了文件或工作表',
    );
  }
  return { ...found, chosenTownship };
}

async function analyze(db: Executor, source: RosterSource, options: AnalysisOptions, follower?: AnalysisFollower, known?: RosterHeader): Promise<Analysis> {
  const found = known ?? (await rosterHeader(db, source, options));
  const { sheetIndex, head, chosenTownship } = found;
  let { header, mappingRemembered } = found;
  const context = `${header.title} ${head.name} ${options.fileName}`;
  const detectedProgram = programInText(context);
  const program = options.program ?? detectedProgram;
  if (!program) throw new AppError('VALIDATION', '无法从表格标题或文件名判断保障项目，请选择项目', { fields: [{ path: ['program'], message: '请选择保障项目' }] });
  const regions = await loadRegionIndex(db);
  const detectedTownship = townshipInText(regions, context);
  const townshipId = chosenTownship ?? detectedTownship;
  // The township is known from the title only now: its own remembered mapping of this template wins.
  if (!options.mapping && townshipId !== chosenTownship) {
    const own = (await rememberedMappings(db, townshipId, true)).get(header.templateKey);
    if (own) {
      header = detectHeader(head, () => own) ?? header;
      mappingRemembered = true;
    }
  }
  await follower?.started({ sheetIndex, sheetName: head.name, program, townshipId, purpose: options.purpose, rowCount: head.rowCount });
  // A children's roster is of one kind, named in its title: 留守 (under 16) or 困境 (under 18).
  const kinds = ['留守', '困境', '流动'].filter((word) => header.title.includes(word));
  const titleCategory = program === 'child_care' && kinds.length === 1 ? parseCategory(program, kinds[0]!) : null;
  const log = new ProblemLog();
  const checker = new LedgerChecker(db, fieldColumns(header), regions, { program, purpose: options.purpose, townshipId, scope: options.scope, writingBatch: options.writingBatch, rosterRows: head.rowCount }, log);
  // Every household, unless a follower takes them; those the roster's end may hold back are counted there.
  const households: ParsedHousehold[] = [];
  const doubtful: ParsedHousehold[] = [];
  const tally = new Tally();
  let samples: string[][] = [];
  let mergedBlocks = false;
  const parse = { program, today: options.today, titleCategory, amountsRequired: options.purpose === 'initial_load' && CASH_PROGRAMS.has(program) };
  const chunks = source.households({ sheetIndex, header, parse, chunkHouseholds: options.chunkHouseholds ?? CHECK_CHUNK, searchKeys: options.searchKeys ?? false });
  for await (const chunk of chunks) {
    for (const p of chunk.problems) log.add(p);
    if (chunk.samples) samples = chunk.samples;
    if (chunk.mergedBlocks !== undefined) mergedBlocks = chunk.mergedBlocks;
    if (!follower) households.push(...chunk.households);
    const matched = await checker.check(chunk.households);
    for (const h of chunk.households) {
      if (mayBeHeldBackLate(h)) doubtful.push(h);
      else tally.add(h);
    }
    if (chunk.heldBackLate) {
      const late = chunk.heldBackLate.map((row) => householdAt(doubtful, row));
      for (const h of late) log.mark(h);
      checker.withdraw(late);
    }
    await follower?.checked({ households: chunk.households, matched, ledgerPersons: checker.ledgerPersons });
  }
  for (const h of doubtful) tally.add(h);
  const check = await checker.finish();
  const problems = log.list;
  problems.sort((a, b) => a.row - b.row || (a.col ?? -1) - (b.col ?? -1));
  return {
    sheetIndex,
    sheetName: head.name,
    layout: { ...header, mergedBlocks },
    samples,
    program,
    programDetected: options.program === undefined && detectedProgram !== null,
    townshipId,
    townshipDetected: options.townshipId === undefined && townshipId !== null,
    purpose: options.purpose,
    households,
    ready: { households: tally.readyHouseholds, persons: tally.readyPersons },
    problems,
    check,
    totals: totalsOf(tally, problems, check),
    mappingRemembered: mappingRemembered && !options.mapping,
  };
}

/** Counts of the households read, each counted once its errors are final. */
class Tally {
  households = 0;
  persons = 0;
  valid = 0;
  readyHouseholds = 0;
  readyPersons = 0;

  add(h: ParsedHousehold): void {
    this.households += 1;
    this.persons += h.members.length;
    this.valid += h.members.filter((m) => !m.hasError).length;
    if (h.hasError || !h.townshipId) return;
    this.readyHouseholds += 1;
    this.readyPersons += h.members.length;
  }
}

/** The household that starts on the row, among households in the roster's order. */
function householdAt(households: ParsedHousehold[], firstRow: number): ParsedHousehold {
  let [lo, hi] = [0, households.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (households[mid]!.firstRow < firstRow) lo = mid + 1;
    else hi = mid;
  }
  const h = households[lo];
  if (h?.firstRow !== firstRow) throw new Error(`no household starts on row ${firstRow}`);
  return h;
}

/** The roster sheet is the chosen one, else the first whose header is found (notes sheets have none). */
async function findHeader(
  source: RosterSource,
  options: AnalysisOptions,
  remembered: Map<string, Mapping>,
): Promise<{ header: SheetHeader; head: SheetHead; sheetIndex: number; mappingRemembered: boolean } | null> {
  const candidates = options.sheetIndex !== undefined ? [options.sheetIndex] : Array.from({ length: source.sheetCount }, (_, i) => i);
  let mappingRemembered = false;
  for (const i of candidates) {
    if (i < 0 || i >= source.sheetCount) continue;
    const head = await source.head(i);
    const header = detectHeader(
      head,
      (key) => {
        const m = remembered.get(key);
        if (m) mappingRemembered = true;
        return m;
      },
      options.mapping,
    );
    if (header) return { header, head, sheetIndex: i, mappingRemembered };
  }
  return null;
}

/** 建账 enters amounts as they are paid: a cash program's roster must say how much. */
const CASH_PROGRAMS: ReadonlySet<Program> = new Set(['dibao', 'tekun', 'orphan', 'de_facto_orphan', 'gaoling', 'dibao_edge', 'elder_subsidy']);

function totalsOf({ households, persons, valid }: Tally, problems: Problem[], check: LedgerCheck): Totals {
  const count = (kind: string) => check.differences.filter((d) => d.kind === kind).reduce((n, d) => n + d.persons, 0);
  return {
    households,
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
