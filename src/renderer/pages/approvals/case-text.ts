/** How a case's people, place and money read in lists and on the case page. */
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { formatYuan } from '../../../shared/domain/money';

export const yuanOrDash = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);

/** The applicant, and the head of the household when that is someone else. */
export function applicantOf(row: Pick<CaseRow, 'subjectName' | 'headName'>): string {
  const name = row.subjectName ?? row.headName ?? '（未指定）';
  return row.headName && row.headName !== row.subjectName ? `${name}（户主 ${row.headName}）` : name;
}
