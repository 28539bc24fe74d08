import type { ErrorCode, ErrorDetails, WireError } from '../../shared/api/errors';

/** 'NETWORK' is the renderer's own code: the backend could not be reached at all. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** The one error type the renderer sees from a call: a stable code, a Chinese message, optional details. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ClientErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static fromWire(error: WireError): ApiError {
    return new ApiError(error.code, error.message, error.details ?? {});
  }
}

export function isApiError(err: unknown, code?: ClientErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
