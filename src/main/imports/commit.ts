/**
 * Commits a roster as one batch in one transaction: the preview's analysis, or the roster analysed as it
 * is written (a 建账's rows go in chunk by chunk, while a worker thread reads the next). 建账 (initial load,
 * administrator) registers the valid households that are new, adds new members to households already
 * registered, and enters their enrollments marked as imported. 核对 (monthly reconciliation) never edits an enrollment: other covered
 * members become a 增减保障人口 case, a changed amount a change case (增发/减发), an enrolled household
 * missing from the roster a stop case (停保), all in the workflows (plannedCases). A household with any
 * error is left out whole; a cancel or a failure rolls everything back. What the batch creates names it
 * (`import_batch_id`); the audit log gets one entry for the batch (who, when, the file and its SHA-256,
 * the counts), and a household's timeline tells its part from those rows (households/timeline.ts), so
 * 100,000 people do not cost 40,000 log entries.
 */
import { AppError } from '../../shared/api/errors';
import { addMonths, addMonthsToDate, ageOn, monthOf } from '../../shared/domain/dates';
import { gaolingBand, isHouseholdProgram, PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';
import { standardItemFor } from '../../shared/domain/standards';
import { formatYuan } from '../../shared/domain/money';
import type { Executor, LedgerDb } from '../db/schema';
import type { HouseholdsTable, PersonsTable } from '../db/tables/households.table';
import type { EnrollmentMembersTable, EnrollmentsTable } from '../db/tables/enrollments.table';
import { newId } from '../app/ids';
import { yieldToEventLoop } from '../app/yield';
import { recordAudit } from '../audit/audit.service';
import type { BulkReferences } from '../db/bulk-references';
import { asBulkWrite } from '../db/bulk-write';
import { insertMany } from '../db/insert-many';
import { deferIndexes } from '../db/deferred-indexes';
import { ledgerChanges } from '../db/ledger-changes';
import { insertHouseholds, insertPersons } from '../households/households.repository';
import { insertEnrollments } from '../enrollments/enrollment-history';
import { nameInitials, reversed } from '../households/search-keys';
import { standardOn } from '../standards/standards.repository';
import { startCaseIn, type StartInput } from '../cases/cases.service';
import type { EngineEnv } from '../cases/case-engine';
import { analyzeRoster, rosterHeader, type Analysis, type AnalysisOptions, type AnalysisStart, type CheckedChunk } from './analyze/analysis';
import type { RosterSource } from './analyze/roster-source';
import { mayBeHeldBackLate } from './analyze/parse-rows';
import type { ParsedHousehold, ParsedPerson } from './analyze/types';
import type { Difference } from './analyze/ledger-check';

export interface CommitContext {
  env: EngineEnv;
  fileName: string;
  fileSha256: string;
  /** Throws when the analysis may not be committed (the preview's verdict); nothing is then kept. */
  approve: (analysis: Analysis) => void;
  signal?: AbortSignal;
  progress?: (done: number, total: number, message?: string) => void;
}

/**
 * What is committed: the preview's analysis, made when the ledger's change count (db/ledger-changes) was
 * `checkedAt`, or a roster analysed inside the batch's transaction as its households are written.
 */
export type CommitSource = { analysis: Analysis; checkedAt: number } | { roster: RosterSource; options: AnalysisOptions };

export interface CommitResult {
  batchId: string;
  households: number;
  persons: number;
  enrollments: number;
  cases: number;
  skippedRows: number;
  /** Differences that need a clerk (an open case already on the enrollment, a changed member list …). */
  notes: string[];
}

/** Households between progress reports, cancel checks and turns of the event loop. */
const STEP = 2000;
/**
 * Households whose rows are written together: small enough that the rows die young (a slice held across
 * many statements is promoted to the old generation and kept there as garbage until a full collection;
 * 2,000 households a slice cost about 40 MB more at the peak), large enough for whole multi-row statements.
 */
export const FLUSH = 100;

export async function commitImport(db: LedgerDb, from: CommitSource, ctx: CommitContext): Promise<{ result: CommitResult; analysis: Analysis }> {
  try {
    return await commit(db, from, ctx);
  } finally {
    // A roster read in a thread ends it, also when the commit is refused before reading.
    if ('roster' in from) from.roster.close();
  }
}

async function commit(db: LedgerDb, from: CommitSource, ctx: CommitContext): Promise<{ result: CommitResult; analysis: Analysis }> {
  const purpose = 'analysis' in from ? from.analysis.purpose : from.options.purpose;
  if (purpose === 'initial_load' && ctx.env.user.role !== 'admin') throw new AppError('FORBIDDEN', '建账导入只能由系统管理员进行；月度核对请选择“核对”');
  // An analysis at hand is judged before anything is touched; one made as the rows go in, once it is complete,
  // its sheet found first (a file refused when its sheet opens would otherwise meet the ledger's journal switched).
  if ('analysis' in from) ctx.approve(from.analysis);
  const found = 'roster' in from ? await rosterHeader(db, from.roster, from.options) : undefined;
  return asBulkWrite(db, async (trx, references) => {
    // Inside the transaction nothing else writes; a write between the preview and here (another window) is caught.
    if ('analysis' in from && (await ledgerChanges(trx)) !== from.checkedAt) throw new AppError('CONFLICT', '检查之后台账有了变动，请重新预览后再导入');
    const batchId = newId();
    const now = ctx.env.at.toISOString();
    const writer = purpose === 'initial_load' ? new InitialLoad(trx, ctx, batchId, references) : null;
    const started = async (start: Omit<AnalysisStart, 'rowCount'>, expectedPersons: number) => {
      await insertMany(trx, 'import_batches', [
        {
          id: batchId,
          purpose,
          program: start.program,
          township_id: start.townshipId,
          file_name: ctx.fileName,
          file_sha256: ctx.fileSha256,
          sheet_name: start.sheetName,
          households: 0,
          persons: 0,
          enrollments: 0,
          cases: 0,
          skipped_rows: 0,
          status: 'committed',
          created_by: ctx.env.user.id,
          created_at: now,
          undone_by: null,
          undone_at: null,
        },
      ], references);
      await writer?.begin(start.program, expectedPersons);
    };
    let analysis: Analysis;
    if ('analysis' in from) {
      analysis = from.analysis;
      await started(analysis, personsToAdd(analysis));
      await writer?.write({ households: analysis.households, matched: analysis.check.matched, ledgerPersons: analysis.check.ledgerPersons });
    } else {
      analysis = await analyzeRoster(trx, from.roster, writer ? { ...from.options, writingBatch: batchId } : from.options, {
        started: (start) => started(start, start.rowCount),
        checked: async (chunk) => writer?.write(chunk),
      }, found);
      ctx.approve(analysis);
    }
    const result = writer ? await writer.finish(heldBack(analysis)) : await reconcile(trx, analysis, ctx, batchId);
    await trx
      .updateTable('import_batches')
      .set({ households: result.households, persons: result.persons, enrollments: result.enrollments, cases: result.cases, skipped_rows: result.skippedRows })
      .where('id', '=', batchId)
      .execute();
    await recordAudit(trx, ctx.env.actor, ctx.env.at, {
      action: 'import.commit',
      entity: 'import_batch',
      entityId: batchId,
      after: { purpose, program: analysis.program, fileName: ctx.fileName, sha256: ctx.fileSha256, ...result, notes: undefined },
    });
    return { result: { ...result, batchId }, analysis };
  }, { checkReferences: purpose === 'initial_load' });
}

function categoryOf(program: Program, h: ParsedHousehold, person: ParsedPerson, hukou: 'urban' | 'rural', startMonth: string): string | null {
  switch (program) {
    case 'dibao':
    case 'dibao_edge':
      return h.category ?? hukou;
    case 'tekun':
    case 'orphan':
      return h.category ?? 'home';
    case 'child_care':
      return h.category ?? 'left_behind';
    case 'gaoling':
      return person.birthDate ? gaolingBand(ageOn(person.birthDate, `${startMonth}-01`)) : null;
    default:
      return h.category;
  }
}

/** Rows gathered for a slice of households, written together so memory stays bounded by the slice. */
class PendingRows {
  households: HouseholdsTable[] = [];
  persons: PersonsTable[] = [];
  enrollments: EnrollmentsTable[] = [];
  members: EnrollmentMembersTable[] = [];
  total = { households: 0, persons: 0, enrollments: 0 };

  async flush(trx: Executor, references: BulkReferences | null): Promise<void> {
    await insertHouseholds(trx, this.households, references);
    await insertPersons(trx, this.persons, references);
    await insertEnrollments(trx, this.enrollments, this.members, references);
    this.total.households += this.households.length;
    this.total.persons += this.persons.length;
    this.total.enrollments += this.enrollments.length;
    this.households = [];
    this.persons = [];
    this.enrollments = [];
    this.members = [];
  }
}

/**
 * A 建账's rows, written chunk by chunk as the households are checked: the valid households new to the
 * ledger, the new members of those already in it, and their enrollments. A household with an ID ending in
 * 000 waits for the end of the roster, where the whole ID column may still show it lost digits.
 */
class InitialLoad {
  private readonly pending = new PendingRows();
  /** Households the roster's end may still hold back (mayBeHeldBackLate), with the ledger household each is. */
  private readonly waiting: { household: ParsedHousehold; matched: string | null }[] = [];
  /** Everyone the check found in the ledger, by ID number (the checker's one map, growing chunk by chunk). */
  private ledgerPersons: CheckedChunk['ledgerPersons'] = new Map();
  private program: Program = 'dibao';
  private expected = 0;
  private done = 0;
  private persons = 0;
  private rebuildIndexes: () => Promise<void> = async () => {};
  private readonly standardIds = new Map<string, string | null>();
  /** The next review of a 低保 household entered from this month on (most of a roster starts the same month). */
  private readonly reviews = new Map<string, string>();
  /** The batch's time stamp and month, the same on every row it writes. */
  private readonly now: string;
  private readonly thisMonth: string;

  constructor(
    private readonly trx: Executor,
    private readonly ctx: CommitContext,
    private readonly batchId: string,
    private readonly references: BulkReferences | null,
  ) {
    this.now = ctx.env.at.toISOString();
    this.thisMonth = monthOf(ctx.env.today);
  }

  /** Before the first row: what is enrolled, and how many persons may come (the persons' indexes are built after them when that pays). */
  async begin(program: Program, expectedPersons: number): Promise<void> {
    this.program = program;
    this.expected = expectedPersons;
    this.rebuildIndexes = await deferIndexes(this.trx, 'persons', expectedPersons);
    this.ctx.progress?.(0, expectedPersons, '正在写入台账');
  }

  async write(chunk: CheckedChunk): Promise<void> {
    this.ledgerPersons = chunk.ledgerPersons;
    for (const [i, h] of chunk.households.entries()) {
      if (mayBeHeldBackLate(h)) this.waiting.push({ household: h, matched: chunk.matched[i]! });
      else await this.household(h, chunk.matched[i]!);
    }
  }

  async finish(skippedRows: number): Promise<Omit<CommitResult, 'batchId'>> {
    for (const { household, matched } of this.waiting) await this.household(household, matched);
    await this.pending.flush(this.trx, this.references);
    await this.rebuildIndexes();
    this.ctx.signal?.throwIfAborted();
    this.ctx.progress?.(1, 1, '已完成');
    return { ...this.pending.total, cases: 0, skippedRows, notes: [] };
  }

  private async household(h: ParsedHousehold, existing: string | null): Promise<void> {
    const { pending, program, batchId, ctx, ledgerPersons, now, thisMonth } = this;
    const { env } = ctx;
    this.persons += h.members.length;
    if (++this.done % FLUSH === 0) await pending.flush(this.trx, this.references);
    if (this.done % STEP === 0) {
      ctx.signal?.throwIfAborted();
      ctx.progress?.(Math.min(this.persons, this.expected), this.expected, '正在写入台账');
      await yieldToEventLoop();
    }
    if (h.hasError || !h.townshipId) return;
    const householdId = existing ?? newId();
    const hukou = h.hukouType ?? (h.category === 'urban' ? 'urban' : 'rural');
    const personIdOf = new Map<ParsedPerson, string>();
    const added: PersonsTable[] = [];
    for (const m of h.members) {
      const known = ledgerPersons.get(m.idNumber!);
      if (known) {
        personIdOf.set(m, known.id);
        continue;
      }
      const row: PersonsTable = {
        id: newId(),
        household_id: householdId,
        relation: m.relation ?? 'other',
        id_number: m.idNumber!,
        name: m.name,
        sex: m.sex!,
        birth_date: m.birthDate!,
        ethnicity: null,
        disability_category: null,
        disability_grade: null,
        self_care: null,
        health: null,
        school_status: null,
        notes: null,
        name_initials: m.nameInitials ?? nameInitials(m.name),
        id_rev: reversed(m.idNumber!),
        deceased_on: null,
        import_batch_id: batchId,
        created_at: now,
        updated_at: now,
      };
      personIdOf.set(m, row.id);
      added.push(row);
    }
    pending.persons.push(...added);
    if (!existing) {
      const head = added.find((p) => p.relation === 'self') ?? null;
      pending.households.push({
        id: householdId,
        township_id: h.townshipId,
        village_id: h.villageId,
        address: h.address ?? `${h.villageText ?? ''}`,
        hukou_type: hukou,
        phone: h.phone,
        head_person_id: head?.id ?? null,
        bank_name: h.bankName,
        bank_account: h.bankAccount,
        notes: h.notes,
        import_batch_id: batchId,
        created_at: now,
        updated_at: now,
      });
    }

    const startMonth = h.startMonth ?? thisMonth;
    const enrollees = isHouseholdProgram(program) ? [h.members[0]!] : h.members;
    for (const m of enrollees) {
      const category = categoryOf(program, h, m, hukou, startMonth);
      const amount = isHouseholdProgram(program) ? h.amountFen : (m.amountFen ?? (h.members.length === 1 ? h.amountFen : null));
      const row: EnrollmentsTable = {
        id: newId(),
        program,
        household_id: householdId,
        township_id: h.townshipId,
        person_id: isHouseholdProgram(program) ? null : personIdOf.get(m)!,
        category,
        status: 'active',
        start_month: startMonth,
        end_month: null,
        monthly_amount_fen: amount ?? 0,
        standard_id: await this.standardId(standardItemFor(program, category, hukou), startMonth),
        source: 'import',
        confirmed_by: env.user.id,
        confirmed_at: now,
        next_review_on: program === 'dibao' ? this.reviewFrom(startMonth) : null,
        unstable_income: 0,
        case_id: null,
        import_batch_id: batchId,
        created_at: now,
        updated_at: now,
      };
      pending.enrollments.push(row);
      const covered = isHouseholdProgram(program) ? h.members.map((x) => personIdOf.get(x)!) : [personIdOf.get(m)!];
      for (const person_id of covered) pending.members.push({ enrollment_id: row.id, person_id });
    }
  }

  /** A review period after the start, and never before next month (an old start's review is due at once). */
  private reviewFrom(startMonth: string): string {
    let review = this.reviews.get(startMonth);
    if (review === undefined) {
      review = maxDate(addMonthsToDate(`${startMonth}-01`, this.ctx.env.policy.reviewMonths), `${addMonths(this.thisMonth, 1)}-01`);
      this.reviews.set(startMonth, review);
    }
    return review;
  }

  /** The standard an enrollment from this month is paid under, looked up once per item and month. */
  private async standardId(item: string | null, month: string): Promise<string | null> {
    if (!item) return null;
    const key = `${item}|${month}`;
    let id = this.standardIds.get(key);
    if (id === undefined) this.standardIds.set(key, (id = (await standardOn(this.trx, item, `${month}-01`))?.id ?? null));
    return id;
  }
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** People a 建账 will register: the members of the households it enters who are not in the ledger yet. */
function personsToAdd(analysis: Analysis): number {
  let n = 0;
  for (const h of analysis.households) if (!h.hasError && h.townshipId) for (const m of h.members) if (!analysis.check.ledgerPersons.has(m.idNumber!)) n += 1;
  return n;
}

/** Person rows left out: every row of a household with any error (a household is never split). */
function heldBack(analysis: Analysis): number {
  return analysis.totals.persons - analysis.ready.persons;
}

export type PlannedCase = { kind: 'stop' | 'amount'; difference: Difference } | { kind: 'members'; difference: Difference; covered: string[] };

/**
 * The cases a 核对 starts, one per difference: 增减保障人口 where the roster covers other members all
 * registered in the household (with its amount), 增发/减发 where only the amount differs, 停保 for an
 * enrolled household missing from the roster. Rows that cannot be matched hide who is really missing, so
 * stops are proposed only from a roster without errors. The preview's verdict counts the same list.
 */
export function plannedCases(analysis: Analysis): PlannedCase[] {
  const planned: PlannedCase[] = [];
  for (const d of analysis.check.differences) {
    if (d.kind === 'missing' && analysis.totals.invalid === 0) planned.push({ kind: 'stop', difference: d });
    else if (d.kind === 'changed' && d.coveredPersonIds) planned.push({ kind: 'members', difference: d, covered: d.coveredPersonIds });
    else if (d.kind === 'changed' && amountChanged(d)) planned.push({ kind: 'amount', difference: d });
  }
  return planned;
}

const amountChanged = (d: Difference) => d.amountFen !== null && d.amountFen !== d.ledgerAmountFen;

/** The case a planned one starts, with a reason naming the file, the row and what differs. */
function caseInput(planned: PlannedCase, fileName: string, label: string): StartInput {
  const d = planned.difference;
  const on = { householdId: d.householdId!, enrollmentId: d.enrollmentId!, category: null, unstableIncome: false };
  const where = `月度核对：${fileName}${d.row ? `第 ${d.row} 行` : ''}`;
  const amountText = `月保障金 ${formatYuan(d.ledgerAmountFen ?? 0)} 元，表中为 ${formatYuan(d.amountFen ?? 0)} 元`;
  switch (planned.kind) {
    case 'stop':
      return { ...on, kind: 'enrollment_stop', personIds: [], reason: `月度核对：${fileName}中没有此户（${label}在保，${formatYuan(d.ledgerAmountFen ?? 0)} 元/月），拟停保` };
    case 'members':
      return {
        ...on,
        kind: 'enrollment_change',
        personIds: planned.covered,
        changeType: 'members',
        newAmountFen: amountChanged(d) ? d.amountFen! : (d.ledgerAmountFen ?? 0),
        reason: [`${where}保障人员与台账不同（表中 ${planned.covered.length} 人）`, ...(amountChanged(d) ? [amountText] : [])].join('，'),
      };
    case 'amount':
      return { ...on, kind: 'enrollment_change', personIds: [], changeType: d.amountFen! > (d.ledgerAmountFen ?? 0) ? 'increase' : 'decrease', newAmountFen: d.amountFen!, reason: `${where}${amountText}` };
  }
}

async function reconcile(trx: Executor, analysis: Analysis, ctx: CommitContext, batchId: string): Promise<Omit<CommitResult, 'batchId'>> {
  const notes: string[] = [];
  let cases = 0;
  const label = PROGRAM_SHORT_LABELS[analysis.program];
  if (analysis.totals.invalid > 0) notes.push(`表中有 ${analysis.totals.invalid} 人的行有错误，未据此发起停保；修正后再次核对`);
  for (const d of analysis.check.differences) {
    if (d.coveredPersonIds === null) notes.push(`第 ${d.row} 行 ${d.name}：${d.detail}，表中有此户在台账中未登记的成员，请先在家庭页面登记，再发起增减保障人口`);
  }
  const planned = plannedCases(analysis);
  let done = 0;
  for (const p of planned) {
    ctx.signal?.throwIfAborted();
    ctx.progress?.(++done, planned.length, '正在发起变更案件');
    try {
      const started = await startCaseIn(trx, ctx.env, caseInput(p, ctx.fileName, label));
      await trx.updateTable('cases').set({ import_batch_id: batchId }).where('id', '=', started.id).execute();
      cases += 1;
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'FORBIDDEN') throw err;
      notes.push(`${p.difference.row ? `第 ${p.difference.row} 行` : ''}${p.difference.name}：${err.message}`);
    }
  }
  for (const d of analysis.check.differences.filter((x) => x.kind === 'new')) notes.push(`第 ${d.row} 行 ${d.name}：台账中没有${label}在保记录，须经申请审批纳入（不能直接导入）`);
  return { households: 0, persons: 0, enrollments: 0, cases, skippedRows: heldBack(analysis), notes };
}
