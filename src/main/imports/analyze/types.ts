/** What the analysis of a roster concludes, before and independent of committing it. */
import type { ImportField } from '../../../shared/domain/import/fields';
import type { RowProblemCode, Severity } from '../../../shared/domain/import/problems';
import type { HukouType, Relation } from '../../../shared/domain/household';
import type { Sex } from '../../../shared/domain/id-number';

export interface Problem {
  row: number;
  /** 0-based column index, or null for a problem of the whole row. */
  col: number | null;
  code: RowProblemCode;
  severity: Severity;
  message: string;
  /** The problem is the household's (its merged cells, its head): all its members are held back with it. */
  householdLevel?: boolean;
}

export interface ParsedPerson {
  row: number;
  name: string;
  idNumber: string | null;
  sex: Sex | null;
  birthDate: string | null;
  relation: Relation | null;
  /** Something was written as the relation (read or not). */
  relationGiven: boolean;
  /** The row's own amount (person programs pay per row). */
  amountFen: number | null;
  hasError: boolean;
  /** The name's pinyin initials, worked out while reading a 建账 (RosterReading) off the thread that writes. */
  nameInitials?: string;
}

export interface ParsedHousehold {
  firstRow: number;
  members: ParsedPerson[];
  townshipText: string | null;
  villageText: string | null;
  headName: string | null;
  headIdNumber: string | null;
  householdSize: number | null;
  coveredCount: number | null;
  hukouType: HukouType | null;
  category: string | null;
  amountFen: number | null;
  startMonth: string | null;
  address: string | null;
  phone: string | null;
  bankName: string | null;
  bankAccount: string | null;
  notes: string | null;
  /** Resolved against the ledger's regions. */
  townshipId: string | null;
  villageId: string | null;
  hasError: boolean;
}

export type FieldColumns = Partial<Record<ImportField, number>>;
