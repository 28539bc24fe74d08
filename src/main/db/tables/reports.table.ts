/** An enrollment's amount, covered persons and phase from the month they took effect (see migration 0007). */
export interface EnrollmentAmountsTable {
  enrollment_id: string;
  from_month: string;
  amount_fen: number;
  covered: number;
  /** 'normal', or 'taper' for the months paid while tapering off (渐退). */
  phase: string;
}

/** A submitted (上报) form: its computed result as JSON, frozen. */
export interface ReportSnapshotsTable {
  form: string;
  period: string;
  variant: string;
  result: string;
  submitted_by: string;
  submitted_at: string;
}
