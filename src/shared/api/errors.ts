/** Stable error codes that cross the wire. Messages shown to users come from `labels.ts`. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_CREDENTIALS',
  'USER_DISABLED',
  'WEAK_PASSWORD',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'LEDGER_UNREADABLE',
  'RATE_LIMITED',
  'CANCELLED',
  'IMPORT_REJECTED',
  'BACKUP_REJECTED',
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field; `path` follows the input object (e.g. ['members', 2, 'idNumber']). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorDetails {
  fields?: FieldIssue[];
  /** Reference printed in the log for INTERNAL errors, so a clerk can quote it. */
  reference?: string;
  /** Why a file was refused as a whole (IMPORT_REJECTED: file_legacy_xls, file_corrupt …; BACKUP_REJECTED: corrupt, foreign …). */
  refusal?: string;
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfter?: number;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type WireResult<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** The one error type thrown by handlers and services; the router turns it into a WireError. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** A VALIDATION error about one input field, shown at that field. */
export const fieldError = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path: [path], message }] });

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    typeof (value as WireError).message === 'string'
  );
}
