import type { ErrorCode } from '../../shared/api/errors';

/** Why the engine will not take an action on one case; in a batch, that case's result, not a failure of all. */
export class Refused extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: (string | number)[],
  ) {
    super(message);
  }
}
