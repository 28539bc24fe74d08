/** Import batches (导入批次) and remembered column mappings; what a batch created names it (`import_batch_id`). */
export interface ImportBatchesTable {
  id: string;
  /** 'initial_load' (建账) or 'reconcile' (核对). */
  purpose: string;
  program: string;
  township_id: string | null;
  file_name: string;
  file_sha256: string;
  sheet_name: string;
  households: number;
  persons: number;
  enrollments: number;
  cases: number;
  skipped_rows: number;
  /** 'committed' or 'undone'. */
  status: string;
  created_by: string;
  created_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export interface ImportMappingsTable {
  /** The township id, or '' for a county-wide file. */
  township_key: string;
  /** The normalised header of the template. */
  template_key: string;
  /** JSON: column index -> field. */
  mapping: string;
  updated_at: string;
}
