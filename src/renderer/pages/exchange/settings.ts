/** The settings an import is read with, as every call after the first preview sends them. */
import type { ImportPreview, ImportSettings } from '../../../shared/api/imports.schemas';
import { IMPORT_FIELD_KEYS, IMPORT_FIELDS, type ImportField } from '../../../shared/domain/import/fields';
import { ROW_PROBLEM_LABELS } from '../../../shared/domain/import/problems';

export type Mapping = Record<string, ImportField | null>;

/** Column index (as a string) -> field, for every column of the preview. */
export function mappingOf(columns: ImportPreview['columns']): Mapping {
  const mapping: Mapping = {};
  for (const c of columns) mapping[String(c.index)] = c.field;
  return mapping;
}

/** What the preview on screen was read with: the same settings go to the problem list, the commit and 添加到区划. */
export function settingsOf(preview: ImportPreview): ImportSettings {
  return {
    uploadId: preview.uploadId,
    purpose: preview.purpose,
    sheetIndex: preview.sheetIndex,
    program: preview.program,
    townshipId: preview.townshipId,
    mapping: mappingOf(preview.columns),
  };
}

/** The field choices of the column table: every field, and 不导入. */
export const NOT_IMPORTED = '__none__';
export const FIELD_OPTIONS = [
  { value: NOT_IMPORTED, label: '不导入' },
  ...IMPORT_FIELD_KEYS.map((key) => ({ value: key, label: IMPORT_FIELDS[key].label })),
];

export const PROBLEM_OPTIONS = Object.entries(ROW_PROBLEM_LABELS).map(([value, label]) => ({ value, label }));

export const PURPOSE_LABELS: Record<ImportPreview['purpose'], string> = { initial_load: '建账', reconcile: '核对' };
