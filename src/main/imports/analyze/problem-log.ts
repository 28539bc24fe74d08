/**
 * The problems an analysis finds, in the order found, and which rows they hold back: a person with an
 * error is not valid, and a household with any error is not imported, so none of it is valid.
 */
import type { ParsedHousehold, Problem } from './types';

export class ProblemLog {
  readonly list: Problem[] = [];
  /** Rows with an error of their own, and rows with an error of their whole household. */
  private readonly badRows = new Set<number>();
  private readonly badHouseholdRows = new Set<number>();

  add(problem: Problem): void {
    this.list.push(problem);
    if (problem.severity === 'error') (problem.householdLevel ? this.badHouseholdRows : this.badRows).add(problem.row);
  }

  /** Sets the household's and its members' error marks from the problems found so far. */
  mark(h: ParsedHousehold): void {
    const householdBad = h.members.some((m) => this.badHouseholdRows.has(m.row));
    let any = false;
    for (const m of h.members) {
      m.hasError = householdBad || this.badRows.has(m.row);
      any ||= m.hasError;
    }
    h.hasError = any;
  }
}
