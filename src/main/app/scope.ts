import { AppError } from '../../shared/api/errors';
import { canSeeTownship, type Scope } from '../../shared/domain/roles';

/** Refuses a record of a township outside the user's scope; the message does not reveal what is there. */
export function assertTownshipInScope(scope: Scope, townshipId: string): void {
  if (!canSeeTownship(scope, townshipId)) throw new AppError('FORBIDDEN', '只能查看和办理本乡镇（街道）的业务');
}
