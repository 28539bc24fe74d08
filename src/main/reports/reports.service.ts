/**
 * Computes forms as of their period, lists the rows behind a cell, and freezes a submitted period. A
 * submitted form is shown as it was frozen; where the ledger now says otherwise, the cells are listed as
 * differences instead of changing what was reported.
 */
import { AppError } from '../../shared/api/errors';
import { monthOf } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/id-number';
import { PROGRAM_LABELS, PROGRAM_SHORT_LABELS, isHouseholdProgram } from '../../shared/domain/programs';
import { COUNTY_REVIEWERS, seesFullIdNumbers, type Role, type Scope } from '../../shared/domain/roles';
import { lastMonthOf, monthsOf, periodFitsForm, periodLabel, previousPeriod } from '../../shared/domain/reports/periods';
import { columnTitle } from '../../shared/domain/reports/layout';
import { REPORT_FORM_LABELS, type DrillRequest, type DrillResult, type DrillRow, type ReportDifference, type ReportRequest, type ReportResult, type ReportRow } from '../../shared/api/reports.schemas';
import { formatYuan } from '../../shared/domain/money';
import { RESCUE_OUTCOME_LABELS, rescueTitle, seesRescueRecords, type RescueOutcome } from '../../shared/domain/vagrant';
import { ageAtAdmission, shownName } from '../vagrant/vagrant-rows';
import type { Executor } from '../db/schema';
import type { Actor } from '../audit/audit.service';
import { recordAudit } from '../audit/audit.service';
import { loadSettings } from '../settings/settings.service';
import { contributions, cellsByTownship, type ColumnDef, type Contribution, type FactDims } from './form-engine';
import { enrollmentFacts, reliefFacts, vagrantFacts } from './month-facts';
import { periodCube } from './period-cube';
import { coveredMembers, householdPlaces, personsById, rescuesById } from './fact-names';
import { ASSISTANCE_COLUMNS } from './forms/assistance-monthly';
import { changeColumns } from './forms/change-monthly';
import { paymentRoster, ROW_COUNT, rosterColumns } from './forms/payment-roster';

export interface ReportViewer {
  role: Role;
  scope: Scope;
  today: string;
}

const TOTAL = '__total';

/** The columns of a form; a roster's are plain columns (text, and the persons and amount it adds up). */
function columnsOf(req: { form: ReportRequest['form']; program?: ReportRequest['program'] | null }): ColumnDef[] {
  if (req.form === 'assistance-monthly') return ASSISTANCE_COLUMNS;
  if (req.form === 'change-monthly') return changeColumns(req.program ? (d: FactDims) => d.program === req.program : undefined);
  return rosterColumns(req.program ?? 'dibao');
}

function checkRequest(req: ReportRequest, today: string): void {
  if (req.program && req.form === 'assistance-monthly') throw new AppError('VALIDATION', '社会救助情况统计表包含全部项目，不能按项目筛选');
  if (!periodFitsForm(req.form, req.period)) throw new AppError('VALIDATION', `${REPORT_FORM_LABELS[req.form]}按月编制，请选择月份`);
  if (req.form === 'payment-roster' && !req.program) throw new AppError('VALIDATION', '请选择发放花名册的保障项目');
  if (monthsOf(req.period)[0]! > monthOf(today)) throw new AppError('VALIDATION', `${periodLabel(req.period)}尚未开始，不能编制报表`);
}

/** The county-wide form, computed from the ledger as it is now. */
async function computeLive(db: Executor, req: ReportRequest, viewer: ReportViewer): Promise<ReportResult> {
  const settings = await loadSettings(db);
  const base = {
    form: req.form,
    title: `${settings.county.name}${REPORT_FORM_LABELS[req.form]}`,
    period: req.period,
    periodLabel: periodLabel(req.period),
    program: req.program ?? null,
    countyName: settings.county.name,
    snapshot: null,
    differences: [],
    canSubmit: false,
  };
  const columns = columnsOf(req);
  if (req.form === 'payment-roster') {
    const rows = await paymentRoster(db, req.program!, req.period, seesFullIdNumbers(viewer.role));
    return { ...base, title: `${settings.county.name}${PROGRAM_LABELS[req.program!]}资金发放花名册`, unitLine: '单位：人、元', columns: columns.map(publicColumn), rows, total: totalOf(columns, rows) };
  }
  const months = monthsOf(req.period);
  const previous = columns.some((c) => c.previous) ? monthsOf(previousPeriod(req.period)) : [];
  // Flows (stopped, changed) are read for the period itself; the period before only adds its spending.
  const cube = await periodCube(db, [...previous.map((month) => ({ month, flows: false })), ...months.map((month) => ({ month, flows: true }))]);
  const townships = await db.selectFrom('townships').select(['id', 'name']).orderBy('code').execute();
  const byColumn = columns.map((c) => {
    if (!c.measures) return null;
    const sum = new Map<string, number>();
    for (const m of c.measures) for (const [t, v] of cellsByTownship(m, cube, c.previous ? previous : months)) sum.set(t, (sum.get(t) ?? 0) + v);
    return sum;
  });
  const rowOf = (key: string, label: string, value: (i: number) => number): ReportRow => {
    const cells = new Map<string, number | null>();
    columns.forEach((c, i) => c.measures && cells.set(c.key, value(i)));
    return { key, townshipId: key, label, values: columns.map((c) => (c.derived ? c.derived(cells) : (cells.get(c.key) ?? 0))) };
  };
  const rows = townships.map((t) => rowOf(t.id, t.name, (i) => byColumn[i]!.get(t.id) ?? 0));
  return { ...base, unitLine: '单位：户、人、元', columns: columns.map(publicColumn), rows, total: totalOf(columns, rows) };
}

const publicColumn = ({ key, label, group, unit, additive, drillable }: ColumnDef) => ({ key, label, group, unit, additive, drillable });

/** The 合计 row: additive columns summed over the rows, derived ones computed from those sums. */
function totalOf(columns: ColumnDef[], rows: ReportRow[]): ReportRow {
  const sums = columns.map((c, i) => (c.additive ? rows.reduce((n, r) => n + (Number(r.values[i]) || 0), 0) : null));
  const cells = new Map<string, number | null>([...columns.map((c, i) => [c.key, sums[i]!] as const), [ROW_COUNT, rows.length]]);
  return { key: TOTAL, townshipId: null, label: '合计', values: columns.map((c, i) => (c.derived ? c.derived(cells) : sums[i]!)) };
}

/** The rows a viewer may see: their township's, or the one asked for; the 合计 follows the rows shown. */
function narrowed(result: ReportResult, scope: Scope, townshipId: string | undefined): ReportResult {
  const only = scope.kind === 'township' ? scope.townshipId : townshipId;
  if (!only) return result;
  const rows = result.rows.filter((r) => r.townshipId === only);
  return { ...result, rows, total: totalOf(columnsOf(result), rows) };
}

/** A roster per program; a change form narrowed to one program is a form of its own. */
const variantOf = (req: ReportRequest) => req.program ?? '';

async function snapshotOf(db: Executor, req: ReportRequest) {
  return db.selectFrom('report_snapshots as s').innerJoin('users as u', 'u.id', 's.submitted_by').select(['s.result', 's.submitted_at', 'u.display_name']).where('s.form', '=', req.form).where('s.period', '=', req.period).where('s.variant', '=', variantOf(req)).executeTakeFirst();
}

function differencesBetween(frozen: ReportResult, live: ReportResult): ReportDifference[] {
  const out: ReportDifference[] = [];
  const liveRows = new Map([...live.rows, live.total].map((r) => [r.key, r]));
  // By key, not position: a column added to the form since (流浪乞讨救助) moves the others along.
  const liveIndex = new Map(live.columns.map((c, i) => [c.key, i]));
  for (const row of [...frozen.rows, frozen.total]) {
    const now = liveRows.get(row.key);
    frozen.columns.forEach((c, i) => {
      const at = liveIndex.get(c.key);
      const current = now && at !== undefined ? (now.values[at] ?? null) : null;
      if (c.unit === 'percent' || row.values[i] === current) return;
      out.push({ rowKey: row.key, rowLabel: row.label, columnKey: c.key, columnLabel: columnTitle(c), submitted: row.values[i] ?? null, current });
    });
  }
  for (const row of live.rows) if (!frozen.rows.some((r) => r.key === row.key)) out.push({ rowKey: row.key, rowLabel: row.label, columnKey: '', columnLabel: '（上报后新增）', submitted: null, current: row.values.find((v) => typeof v === 'number') ?? null });
  return out;
}

const canSubmitPeriod = (req: ReportRequest, viewer: ReportViewer) => COUNTY_REVIEWERS.includes(viewer.role) && lastMonthOf(req.period) < monthOf(viewer.today) && !req.townshipId;

export async function computeReport(db: Executor, req: ReportRequest, viewer: ReportViewer): Promise<ReportResult> {
  checkRequest(req, viewer.today);
  // Frozen and live are narrowed alike, so a township's differences and 合计 are its own.
  const live = narrowed(await computeLive(db, req, viewer), viewer.scope, req.townshipId);
  const snap = await snapshotOf(db, req);
  if (!snap) return { ...live, canSubmit: canSubmitPeriod(req, viewer) };
  const stored = JSON.parse(snap.result) as ReportResult;
  const frozen = narrowed(req.form === 'payment-roster' && !seesFullIdNumbers(viewer.role) ? maskRoster(stored) : stored, viewer.scope, req.townshipId);
  return { ...frozen, snapshot: { submittedAt: snap.submitted_at, submittedBy: snap.display_name }, differences: differencesBetween(frozen, live), canSubmit: false };
}

/** A frozen payment roster keeps whole ID numbers; roles that do not see them get them masked. */
function maskRoster(result: ReportResult): ReportResult {
  const masked = new Set(['id_number', 'account'].map((key) => result.columns.findIndex((c) => c.key === key)));
  return { ...result, rows: result.rows.map((r) => ({ ...r, values: r.values.map((v, i) => (masked.has(i) && typeof v === 'string' && v ? maskIdNumber(v) : v)) })) };
}

export async function submitReport(db: Executor, actor: Actor, at: Date, req: ReportRequest, viewer: ReportViewer): Promise<ReportResult> {
  checkRequest(req, viewer.today);
  if (req.townshipId) throw new AppError('VALIDATION', '上报的是全县报表，请不要只选一个乡镇');
  if (lastMonthOf(req.period) >= monthOf(viewer.today)) throw new AppError('VALIDATION', `${periodLabel(req.period)}尚未结束，结束后才能上报`);
  if (await snapshotOf(db, req)) throw new AppError('CONFLICT', `${periodLabel(req.period)}的${REPORT_FORM_LABELS[req.form]}已经上报，数据已冻结`);
  // Frozen with whole ID numbers (a roster goes to the bank); who sees them is decided when it is read.
  const result = await computeLive(db, req, { ...viewer, role: 'county_reviewer' });
  await db
    .insertInto('report_snapshots')
    .values({ form: req.form, period: req.period, variant: variantOf(req), result: JSON.stringify(result), submitted_by: actor.userId!, submitted_at: at.toISOString() })
    .execute();
  await recordAudit(db, actor, at, { action: 'report.submit', entity: 'report', entityId: `${req.form}/${req.period}${req.program ? `/${req.program}` : ''}`, after: { form: req.form, period: req.period, program: req.program ?? null, total: result.total.values } });
  return computeReport(db, req, viewer);
}

/** The named rows behind one cell: exactly the facts the cell adds up. */
export async function drillDown(db: Executor, req: DrillRequest, viewer: ReportViewer): Promise<DrillResult> {
  checkRequest(req, viewer.today);
  const column = columnsOf(req).find((c) => c.key === req.columnKey);
  if (!column?.measures) throw new AppError('VALIDATION', '该列不能查看明细');
  const only = viewer.scope.kind === 'township' ? viewer.scope.townshipId : req.townshipId;
  if (req.rowKey !== TOTAL && only && req.rowKey !== only) throw new AppError('FORBIDDEN', '只能查看本乡镇（街道）的明细');
  const period = column.previous ? previousPeriod(req.period) : req.period;
  const months = monthsOf(period);
  const township = req.rowKey === TOTAL ? only : req.rowKey;
  // Read as the cells were: flows for the period itself, not for the period before.
  const facts = [
    ...(await enrollmentFacts(db, months.map((month) => ({ month, flows: !column.previous })), township)),
    ...(await reliefFacts(db, months, township)),
    ...(await vagrantFacts(db, months, township)),
  ];
  const counted = column.measures.flatMap((m) => contributions(m, facts, months).map((c) => ({ fact: c.row.fact, month: c.row.month, value: c.value, count: m.count })));
  const rows = await namedRows(db, counted, { fullIds: seesFullIdNumbers(viewer.role), rescueNames: seesRescueRecords(viewer.role) });
  const total = counted.reduce((n, c) => n + c.value, 0);
  const rowLabel = req.rowKey === TOTAL ? '合计' : ((await db.selectFrom('townships').select('name').where('id', '=', req.rowKey).executeTakeFirst())?.name ?? '');
  return { title: `${periodLabel(period)} ${rowLabel} ${columnTitle(column)}`, unit: column.unit, total, rows };
}

interface Counted {
  fact: Contribution['row']['fact'];
  month: string;
  value: number;
  count: string;
}

/**
 * Names, IDs and places of counted facts; a persons cell of a household program lists each covered person.
 * A rescue is listed by its record, its name masked for roles that do not keep rescue records.
 */
async function namedRows(db: Executor, counted: Counted[], sees: { fullIds: boolean; rescueNames: boolean }): Promise<DrillRow[]> {
  const { fullIds } = sees;
  const places = await householdPlaces(
    db,
    counted.flatMap((c) => ('householdId' in c.fact ? [c.fact.householdId] : [])),
  );
  const rescues = await rescuesById(
    db,
    counted.flatMap((c) => ('rescueId' in c.fact ? [c.fact.rescueId] : [])),
  );
  const members = await coveredMembers(
    db,
    counted.flatMap((c) => ('enrollmentId' in c.fact && c.count === 'persons' && isHouseholdProgram(c.fact.program) ? [c.fact.enrollmentId] : [])),
  );
  const persons = await personsById(
    db,
    counted.flatMap((c) => ('enrollmentId' in c.fact && c.fact.personId ? [c.fact.personId] : [])),
  );
  const shown = (id: string | null | undefined) => (id ? (fullIds ? id : maskIdNumber(id)) : null);
  const out: DrillRow[] = [];
  for (const c of counted) {
    if ('rescueId' in c.fact) {
      const r = rescues.get(c.fact.rescueId)!;
      const name = shownName(r.name, { seesRecords: sees.rescueNames });
      const title = rescueTitle({ identityKnown: r.identityKnown, name, sex: r.sex, age: ageAtAdmission(r.idNumber, r.estimatedAge, r.admittedOn) });
      const where = r.outcome ? `${r.leftOn} 离站，${RESCUE_OUTCOME_LABELS[r.outcome as RescueOutcome]}` : '在站';
      out.push({ householdId: null, personId: null, caseId: null, name: title, idNumber: shown(r.idNumber), township: r.township, village: null, value: c.value, detail: `救助编号 ${r.rescueNo}，${r.admittedOn} 入站（发现于${r.foundPlace}），${where}` });
      continue;
    }
    const place = places.get(c.fact.householdId) ?? { township: '', village: null, head: '', headId: null };
    const common = { householdId: c.fact.householdId, township: place.township, village: place.village };
    if ('caseId' in c.fact) {
      out.push({ ...common, personId: null, caseId: c.fact.caseId, name: place.head, idNumber: shown(place.headId), value: c.value, detail: `临时救助 ${formatYuan(c.fact.amountFen)} 元（${c.month}）` });
      continue;
    }
    const f = c.fact;
    const what = `${PROGRAM_SHORT_LABELS[f.program]}，每月 ${formatYuan(f.amountFen)} 元${f.phase === 'taper' ? '（渐退）' : ''}，${f.startMonth} 起`;
    const listed = members.get(f.enrollmentId);
    if (c.count === 'persons' && isHouseholdProgram(f.program) && listed && listed.length === c.value) {
      for (const m of listed) out.push({ ...common, personId: m.id, caseId: null, name: m.name, idNumber: shown(m.idNumber), value: 1, detail: `${place.head}户 ${what}` });
      continue;
    }
    const person = f.personId ? persons.get(f.personId) : undefined;
    out.push({ ...common, personId: f.personId, caseId: null, name: person?.name ?? place.head, idNumber: shown(person?.idNumber ?? place.headId), value: c.value, detail: what });
  }
  return out;
}
