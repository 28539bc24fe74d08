/**
 * The columns of a roster (花名册), in the layout township staff use: household rosters list the head and
 * the household; person rosters one person a row; with a program chosen, that program's category,
 * covered persons, monthly amount, start month and status.
 */
export type CellKind = 'seq' | 'text' | 'id' | 'int' | 'money';

export interface RosterColumn<R> {
  header: string;
  width: number;
  kind: CellKind;
  value(row: R): string | number | null;
  /** Summed in the 合计 row. */
  total?: boolean;
}

export interface RosterHouseholdRow {
  townshipName: string;
  villageName: string | null;
  headName: string | null;
  headIdNumber: string | null;
  memberCount: number;
  programs: string;
  category: string | null;
  covered: number | null;
  amountFen: number;
  startMonth: string | null;
  status: string | null;
  address: string;
  bankName: string | null;
  bankAccount: string | null;
}

export interface RosterPersonRow {
  townshipName: string;
  villageName: string | null;
  name: string;
  sex: string;
  idNumber: string;
  birthDate: string;
  age: number;
  relation: string;
  headName: string | null;
  programs: string;
  category: string | null;
  amountFen: number;
  startMonth: string | null;
  status: string | null;
}

const seq = { header: '序号', width: 6, kind: 'seq' as const, value: () => null };

export function householdColumns(withProgram: boolean): RosterColumn<RosterHouseholdRow>[] {
  return [
    seq,
    { header: '乡镇（街道）', width: 12, kind: 'text', value: (r) => r.townshipName },
    { header: '村（社区）', width: 12, kind: 'text', value: (r) => r.villageName },
    { header: '户主姓名', width: 10, kind: 'text', value: (r) => r.headName },
    { header: '身份证号码', width: 21, kind: 'id', value: (r) => r.headIdNumber },
    { header: '家庭人口', width: 8, kind: 'int', value: (r) => r.memberCount, total: true },
    ...(withProgram
      ? [
          { header: '类别', width: 10, kind: 'text' as const, value: (r: RosterHouseholdRow) => r.category },
          { header: '保障人数', width: 8, kind: 'int' as const, value: (r: RosterHouseholdRow) => r.covered, total: true },
        ]
      : [{ header: '保障项目', width: 18, kind: 'text' as const, value: (r: RosterHouseholdRow) => r.programs }]),
    { header: '月保障金额（元）', width: 14, kind: 'money', value: (r) => r.amountFen, total: true },
    ...(withProgram
      ? [
          { header: '起始月份', width: 10, kind: 'text' as const, value: (r: RosterHouseholdRow) => r.startMonth },
          { header: '状态', width: 7, kind: 'text' as const, value: (r: RosterHouseholdRow) => r.status },
        ]
      : []),
    { header: '家庭住址', width: 24, kind: 'text', value: (r) => r.address },
    { header: '开户银行', width: 14, kind: 'text', value: (r) => r.bankName },
    { header: '银行账号', width: 22, kind: 'id', value: (r) => r.bankAccount },
  ];
}

export function personColumns(withProgram: boolean): RosterColumn<RosterPersonRow>[] {
  return [
    seq,
    { header: '乡镇（街道）', width: 12, kind: 'text', value: (r) => r.townshipName },
    { header: '村（社区）', width: 12, kind: 'text', value: (r) => r.villageName },
    { header: '姓名', width: 10, kind: 'text', value: (r) => r.name },
    { header: '性别', width: 5, kind: 'text', value: (r) => r.sex },
    { header: '身份证号码', width: 21, kind: 'id', value: (r) => r.idNumber },
    { header: '出生日期', width: 11, kind: 'text', value: (r) => r.birthDate },
    { header: '年龄', width: 5, kind: 'int', value: (r) => r.age },
    { header: '与户主关系', width: 10, kind: 'text', value: (r) => r.relation },
    { header: '户主姓名', width: 10, kind: 'text', value: (r) => r.headName },
    ...(withProgram
      ? [
          { header: '类别', width: 10, kind: 'text' as const, value: (r: RosterPersonRow) => r.category },
          { header: '月保障金额（元）', width: 14, kind: 'money' as const, value: (r: RosterPersonRow) => r.amountFen, total: true },
          { header: '起始月份', width: 10, kind: 'text' as const, value: (r: RosterPersonRow) => r.startMonth },
          { header: '状态', width: 7, kind: 'text' as const, value: (r: RosterPersonRow) => r.status },
        ]
      : [{ header: '保障项目', width: 18, kind: 'text' as const, value: (r: RosterPersonRow) => r.programs }]),
  ];
}
