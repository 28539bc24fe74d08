/**
 * Imports seen from a method call: the uploaded file (read once, kept with the upload), its analysis as a
 * preview for the screen, the commit as one batch, and the batch history.
 */
import { AppError } from '../../shared/api/errors';
import type { ImportBatch, ImportPreview } from '../../shared/api/imports.schemas';
import type { z } from 'zod';
import type { importSettingsSchema } from '../../shared/api/imports.schemas';
import { PROGRAM_SHORT_LABELS } from '../../shared/domain/programs';
import { toIsoDate } from '../../shared/domain/dates';
import { seesFullIdNumbers, type Role, type Scope } from '../../shared/domain/roles';
import { maskIdNumber } from '../../shared/domain/id-number';
import type { Executor } from '../db/schema';
import { ledgerChanges } from '../db/ledger-changes';
import type { UserContext } from '../rpc/context';
import type { Upload } from '../rpc/uploads';
import { engineEnv } from '../cases/engine-env';
import type { Mapping } from './layout/layout';
import { readGrid } from './read/read-file';
import type { Grid } from './read/grid';
import { ImportRefusal } from './read/refusal';
import { analyzeRoster, type Analysis, type AnalysisOptions } from './analyze/analysis';
import { gridRoster } from './analyze/roster-source';
import { rosterOf } from './analyze/worker-roster';
import { commitImport, plannedCases, type CommitResult, type CommitSource, type PlannedCase } from './commit';
import { rememberMapping } from './mappings.repository';

type Settings = z.output<typeof importSettingsSchema>;

/** Differences the preview lists of each kind: a roster of a whole county can differ in thousands. */
const PREVIEW_DIFFERENCES = 1000;

export function refusalError(err: ImportRefusal): AppError {
  return new AppError('IMPORT_REJECTED', err.message, { refusal: err.code });
}

export function uploadOf(ctx: UserContext, uploadId: string): Upload {
  const upload = ctx.session.uploads.get(uploadId);
  if (!upload) throw new AppError('NOT_FOUND', '上传的文件已失效（重新登录或超过保留数量后会清除），请重新选择文件');
  return upload;
}

export async function gridOf(upload: Upload, signal?: AbortSignal): Promise<Grid> {
  if (upload.cache) return upload.cache as Grid;
  try {
    const grid = await readGrid(upload.data, upload.fileName, signal);
    upload.cache = grid;
    return grid;
  } catch (err) {
    if (err instanceof ImportRefusal) throw refusalError(err);
    throw err;
  }
}

export function mappingOf(settings: Pick<Settings, 'mapping'>): Mapping | undefined {
  if (!settings.mapping) return undefined;
  const out: Mapping = {};
  for (const [k, v] of Object.entries(settings.mapping)) out[Number(k)] = v ?? null;
  return out;
}

/** The upload analysed against the ledger as it is now, and the ledger's change count it was checked at (db/ledger-changes). */
export async function analyzeUpload(
  db: Executor,
  upload: Upload,
  settings: Settings,
  scope: Scope,
  today: string,
  signal?: AbortSignal,
): Promise<{ grid: Grid } & KeptAnalysis> {
  const grid = await gridOf(upload, signal);
  const checkedAt = await ledgerChanges(db);
  const analysis = await refusedAsError(analyzeRoster(db, gridRoster(grid), analysisOptions(upload, settings, scope, today)));
  return { grid, analysis, checkedAt };
}

function analysisOptions(upload: Upload, settings: Settings, scope: Scope, today: string): AnalysisOptions {
  return {
    fileName: upload.fileName,
    sheetIndex: settings.sheetIndex,
    mapping: mappingOf(settings),
    program: settings.program,
    townshipId: settings.townshipId,
    purpose: settings.purpose,
    scope,
    today,
  };
}

async function refusedAsError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof ImportRefusal) throw refusalError(err);
    throw err;
  }
}

/** The header a problem's column shows, and its letter. */
export function columnOf(analysis: Analysis, col: number | null): { column: string; columnLetter: string | null } {
  if (col === null) return { column: '', columnLetter: null };
  const c = analysis.layout.columns[col];
  return { column: c?.header ?? '', columnLetter: c?.letter ?? null };
}

function commitVerdict(analysis: Analysis, role: Role): ImportPreview['commit'] {
  const t = analysis.totals;
  const label = PROGRAM_SHORT_LABELS[analysis.program];
  const { households: ready, persons: readyPersons } = analysis.ready;
  if (analysis.purpose === 'initial_load') {
    if (role !== 'admin') return { allowed: false, reason: '建账导入只能由系统管理员进行', summary: '' };
    if (ready === 0) return { allowed: false, reason: '没有可以导入的家庭：请先修正问题', summary: '' };
    const held = t.persons - readyPersons;
    return { allowed: true, reason: null, summary: `将建账 ${ready} 户（${readyPersons} 人）的${label}在保记录${held > 0 ? `，${held} 人所在的家庭有错误，暂不导入` : ''}` };
  }
  const planned = plannedCases(analysis);
  const count = (kind: PlannedCase['kind']) => planned.filter((p) => p.kind === kind).length;
  const [amounts, memberChanges, missing] = [count('amount'), count('members'), count('stop')];
  const changed = amounts + memberChanges;
  if (t.invalid > 0 && changed === 0) return { allowed: false, reason: `表中有 ${t.invalid} 人的行有错误：请修正后再核对，以免误停保`, summary: '' };
  if (changed + missing === 0) {
    // Members not yet registered in the household, other details: differences a clerk settles on the household's page.
    const others = analysis.check.differences.filter((d) => d.kind === 'changed').length;
    const newOnes = analysis.check.differences.filter((d) => d.kind === 'new').length;
    const toCheck = [others > 0 ? `${others} 户与台账不同，请在家庭页面核实` : '', newOnes > 0 ? `${newOnes} 户台账中没有${label}在保记录，须经申请审批纳入` : ''].filter(Boolean);
    return { allowed: false, reason: toCheck.length > 0 ? `没有变更或停保可以发起：${toCheck.join('；')}（见差异列表）` : '与台账一致，没有需要发起的变更', summary: '' };
  }
  const kinds = memberChanges > 0 ? `${amounts} 个金额变更案件、${memberChanges} 个增减保障人口案件` : `${amounts} 个金额变更案件`;
  return { allowed: true, reason: null, summary: `将发起 ${kinds}、${missing} 个停保案件（进入审批流程，不直接修改在保记录）` };
}

/** Refuses a commit the preview's verdict would not allow (commit.ts asks once the analysis is complete). */
export function approveCommit(role: Role): (analysis: Analysis) => void {
  return (analysis) => {
    const verdict = commitVerdict(analysis, role);
    if (!verdict.allowed) throw new AppError(role !== 'admin' && analysis.purpose === 'initial_load' ? 'FORBIDDEN' : 'VALIDATION', verdict.reason ?? '无法导入');
  };
}

/** ID and account numbers in text, masked for roles that never receive them whole (432…1234). */
const maskNumbers = (text: string) => text.replace(/[0-9\uFF10-\uFF19]{14,}[0-9\uFF10-\uFF19XxＸｘ]/g, (n) => maskIdNumber(n));

/**
 * The differences a clerk acts on, the first of each kind in the roster's order (the stops come after every
 * row): a cut across all kinds would hide what is missing behind a thousand new households.
 */
function listedDifferences(analysis: Analysis): Pick<ImportPreview, 'differences' | 'differenceCounts'> {
  const differenceCounts = { changed: 0, missing: 0, new: 0 };
  const differences: ImportPreview['differences'] = [];
  for (const d of analysis.check.differences) {
    if (d.kind === 'unchanged') continue;
    if (++differenceCounts[d.kind] > PREVIEW_DIFFERENCES) continue;
    differences.push({ kind: d.kind, row: d.row, name: d.name, householdId: d.householdId, persons: d.persons, amountFen: d.amountFen, ledgerAmountFen: d.ledgerAmountFen, detail: d.detail });
  }
  return { differences, differenceCounts };
}

export function previewOf(upload: Upload, grid: Grid, analysis: Analysis, role: Role, problemLimit: number): ImportPreview {
  const shown = seesFullIdNumbers(role) ? (text: string) => text : maskNumbers;
  const samples = (col: number) =>
    analysis.samples
      .map((cells) => shown(cells[col] ?? ''))
      .filter(Boolean)
      .slice(0, 3)
      .map((s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s));
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    format: grid.format,
    encoding: grid.encoding ?? null,
    sheets: grid.sheets.map((s, index) => ({ index, name: s.name, rows: s.rows.length })),
    sheetIndex: analysis.sheetIndex,
    headerRows: { top: analysis.layout.headerTop, bottom: analysis.layout.headerBottom },
    columns: analysis.layout.columns.map((c) => ({ ...c, samples: samples(c.index) })),
    mappingRemembered: analysis.mappingRemembered,
    program: analysis.program,
    programDetected: analysis.programDetected,
    townshipId: analysis.townshipId,
    townshipDetected: analysis.townshipDetected,
    purpose: analysis.purpose,
    totals: analysis.totals,
    problems: analysis.problems.slice(0, problemLimit).map((p) => ({ row: p.row, ...columnOf(analysis, p.col), code: p.code, severity: p.severity, message: shown(p.message) })),
    problemCount: analysis.problems.length,
    ...listedDifferences(analysis),
    unknownRegions: analysis.check.unknownRegions,
    commit: commitVerdict(analysis, role),
  };
}

export async function previewImport(ctx: UserContext, settings: Settings): Promise<ImportPreview> {
  const upload = uploadOf(ctx, settings.uploadId);
  const today = toIsoDate(ctx.backend.clock.now());
  const { grid, analysis, checkedAt } = await analyzeUpload(ctx.db, upload, settings, ctx.scope, today, ctx.signal);
  // The clerk's own mapping is remembered at once: a 核对 that finds nothing to change is never committed.
  if (settings.mapping) await rememberUsedMapping(ctx.db, analysis, ctx.backend.clock.now());
  // Kept for the commit that usually follows; one upload's at a time, as an analysis of 100,000 rows is large.
  for (const other of ctx.session.uploads.values()) delete other.analysis;
  // The analysis used the clerk's mapping, not a remembered one: it holds as of after that write.
  const kept: KeptAnalysis = { analysis, checkedAt: settings.mapping ? await ledgerChanges(ctx.db) : checkedAt };
  upload.analysis = { key: analysisKey(ctx, settings, today), value: kept };
  return previewOf(upload, grid, analysis, ctx.user.role, settings.problemLimit);
}

interface KeptAnalysis {
  analysis: Analysis;
  /** The ledger's change count the analysis holds for. */
  checkedAt: number;
}

/** Who asked, in which scope, with which settings and on which day (ages, deadlines): what an analysis answers to besides the ledger. */
function analysisKey(ctx: UserContext, settings: Settings, today: string): string {
  const { problemLimit: _shownOnly, ...what } = settings;
  return JSON.stringify([ctx.user.id, ctx.user.role, ctx.scope, today, what]);
}

/**
 * The preview's analysis while nothing it depends on has changed since (the commit then only writes it),
 * else the roster read again, to be analysed as the batch is written.
 */
async function commitSourceOf(ctx: UserContext, upload: Upload, settings: Settings, today: string): Promise<CommitSource> {
  const kept = upload.analysis;
  delete upload.analysis;
  if (kept?.key === analysisKey(ctx, settings, today)) {
    const value = kept.value as KeptAnalysis;
    if (value.checkedAt === (await ledgerChanges(ctx.db))) return value;
  }
  const roster = await refusedAsError(rosterOf(upload.data, upload.fileName, ctx.signal));
  return { roster, options: { ...analysisOptions(upload, settings, ctx.scope, today), searchKeys: settings.purpose === 'initial_load' } };
}

/**
 * Commits what the preview showed, or analyses the roster again as it commits if anything the preview
 * depends on changed since; the commit refuses if the ledger changed after the preview. The mapping used
 * is remembered.
 */
export async function commitUpload(ctx: UserContext, settings: Settings): Promise<CommitResult> {
  const upload = uploadOf(ctx, settings.uploadId);
  const env = await engineEnv(ctx);
  ctx.progress(0, 1, '正在检查');
  const from = await commitSourceOf(ctx, upload, settings, env.today);
  const { result, analysis } = await refusedAsError(
    commitImport(ctx.db, from, { env, fileName: upload.fileName, fileSha256: upload.sha256, approve: approveCommit(ctx.user.role), signal: ctx.signal, progress: ctx.progress }),
  );
  await rememberUsedMapping(ctx.db, analysis, env.at);
  return result;
}

/** The columns as the analysis read them, remembered for the township's next file of this template. */
async function rememberUsedMapping(db: Executor, analysis: Analysis, at: Date): Promise<void> {
  const mapping: Mapping = {};
  for (const c of analysis.layout.columns) mapping[c.index] = c.field;
  await rememberMapping(db, analysis.townshipId, analysis.layout.templateKey, mapping, at.toISOString());
}

export async function importHistory(db: Executor, scope: Scope): Promise<ImportBatch[]> {
  let q = db
    .selectFrom('import_batches as b')
    .leftJoin('townships as t', 't.id', 'b.township_id')
    .innerJoin('users as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.created_at', 'b.purpose', 'b.program', 't.name as township_name', 'b.file_name', 'b.households', 'b.persons', 'b.enrollments', 'b.cases', 'b.skipped_rows', 'b.status', 'u.display_name', 'b.undone_at']);
  if (scope.kind === 'township') q = q.where('b.township_id', '=', scope.townshipId);
  const rows = await q.orderBy('b.created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    purpose: r.purpose as ImportBatch['purpose'],
    program: r.program as ImportBatch['program'],
    townshipName: r.township_name,
    fileName: r.file_name,
    households: r.households,
    persons: r.persons,
    enrollments: r.enrollments,
    cases: r.cases,
    skippedRows: r.skipped_rows,
    status: r.status as ImportBatch['status'],
    createdByName: r.display_name,
    undoneAt: r.undone_at,
  }));
}
