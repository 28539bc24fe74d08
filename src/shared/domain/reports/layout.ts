/** How a form names its columns and its rows' own column, the same on screen, on paper, in Excel and in JSON. */
import { isHouseholdProgram, type Program } from '../programs';

/** A column's full name where it stands alone (a drill title, a difference, a script's JSON): group and label. */
export const columnTitle = (column: { group: string | null; label: string }): string => (column.group ? `${column.group}·${column.label}` : column.label);

/** The heading of the rows' own column: townships on the forms; on a roster the household head, or the person paid. */
export function rowHeader(form: string, program: Program | null | undefined): string {
  if (form !== 'payment-roster') return '乡镇（街道）';
  return program && isHouseholdProgram(program) ? '户主姓名' : '姓名';
}
