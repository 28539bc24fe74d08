/** Wire shapes of roster imports (导入) and program rosters (花名册) and templates (导出). */
import { z } from 'zod';
import { IMPORT_FIELD_KEYS } from '../domain/import/fields';
import { ROW_PROBLEM_CODES } from '../domain/import/problems';
import { DIFFERENCE_KINDS } from '../domain/import/differences';
import { PROGRAMS } from '../domain/programs';

const id = z.string().min(1).max(64);

export const IMPORT_PURPOSES = ['initial_load', 'reconcile'] as const;
export const importPurposeSchema = z.enum(IMPORT_PURPOSES);
export type ImportPurpose = z.infer<typeof importPurposeSchema>;

export const importFieldSchema = z.enum(IMPORT_FIELD_KEYS);

/** How to read an uploaded file; everything but the upload and purpose is detected when left out. */
export const importSettingsSchema = z.object({
  uploadId: z.string().regex(/^[0-9a-f]{32}$/, '上传的文件已失效，请重新选择文件'),
  purpose: importPurposeSchema,
  sheetIndex: z.number().int().min(0).max(255).optional(),
  /** Column index -> field (null: not imported). */
  mapping: z.record(z.string().regex(/^\d{1,3}$/), importFieldSchema.nullable()).optional(),
  program: z.enum(PROGRAMS).optional(),
  townshipId: id.nullable().optional(),
  /** How many problems the preview lists (the screen wants the first ones, a script all of them). */
  problemLimit: z.number().int().min(1).max(1_000_000).default(1000),
});
export type ImportSettings = z.input<typeof importSettingsSchema>;

export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  columnLetter: z.string().nullable(),
  code: z.enum(ROW_PROBLEM_CODES),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importDifferenceSchema = z.object({
  kind: z.enum(DIFFERENCE_KINDS),
  row: z.number().int().nullable(),
  name: z.string(),
  householdId: id.nullable(),
  persons: z.number().int(),
  amountFen: z.number().int().nullable(),
  ledgerAmountFen: z.number().int().nullable(),
  detail: z.string(),
});
export type ImportDifference = z.infer<typeof importDifferenceSchema>;

export const importTotalsSchema = z.object({
  households: z.number().int(),
  persons: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  newPersons: z.number().int(),
  changedPersons: z.number().int(),
  unchangedPersons: z.number().int(),
  missingPersons: z.number().int(),
});

export const importPreviewSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  sheets: z.array(z.object({ index: z.number().int(), name: z.string(), rows: z.number().int() })),
  sheetIndex: z.number().int(),
  headerRows: z.object({ top: z.number().int(), bottom: z.number().int() }),
  columns: z.array(
    z.object({ index: z.number().int(), letter: z.string(), header: z.string(), hidden: z.boolean(), field: importFieldSchema.nullable(), samples: z.array(z.string()) }),
  ),
  mappingRemembered: z.boolean(),
  program: z.enum(PROGRAMS),
  programDetected: z.boolean(),
  townshipId: id.nullable(),
  townshipDetected: z.boolean(),
  purpose: importPurposeSchema,
  totals: importTotalsSchema,
  /** The first problems (the workbook of problems holds them all). */
  problems: z.array(importProblemSchema),
  problemCount: z.number().int(),
  /** The first of each kind a clerk acts on (变更, 表中没有, 新增); the 差异清单 holds them all. */
  differences: z.array(importDifferenceSchema),
  /** How many of each kind there are, listed or not. */
  differenceCounts: z.object({ changed: z.number().int(), missing: z.number().int(), new: z.number().int() }),
  unknownRegions: z.array(z.object({ townshipName: z.string(), villageName: z.string().nullable() })),
  /** What commit would do, or why it cannot. */
  commit: z.object({ allowed: z.boolean(), reason: z.string().nullable(), summary: z.string() }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  batchId: id,
  households: z.number().int(),
  persons: z.number().int(),
  enrollments: z.number().int(),
  cases: z.number().int(),
  skippedRows: z.number().int(),
  notes: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importBatchSchema = z.object({
  id,
  createdAt: z.string(),
  purpose: importPurposeSchema,
  program: z.enum(PROGRAMS),
  townshipName: z.string().nullable(),
  fileName: z.string(),
  households: z.number().int(),
  persons: z.number().int(),
  enrollments: z.number().int(),
  cases: z.number().int(),
  skippedRows: z.number().int(),
  status: z.enum(['committed', 'undone']),
  createdByName: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;
