/**
 * 资金发放花名册 of a program for a month: every enrollment paid that month — new starts and taper months
 * included — with its household, covered members, the amount in force then and the bank account.
 */
import { maskIdNumber } from '../../../shared/domain/id-number';
import { isHouseholdProgram, PROGRAM_CATEGORIES, type Program } from '../../../shared/domain/programs';
import type { ReportColumn, ReportRow } from '../../../shared/api/reports.schemas';
import type { ColumnDef } from '../form-engine';
import type { Executor } from '../../db/schema';
import { paidIn } from '../month-facts';
import { coveredMembers, householdPlaces } from '../fact-names';

const text = (key: string, label: string): ReportColumn => ({ key, label, group: null, unit: 'text', additive: false, drillable: false });

/** The roster's columns; under 乡镇 the 合计 row counts the households (or persons) paid. */
export const rosterColumns = (program: Program): ColumnDef[] => [
  { ...text('township', '乡镇（街道）'), derived: (cells) => `共 ${cells.get(ROW_COUNT)} ${isHouseholdProgram(program) ? '户' : '人'}` },
  text('village', '村（社区）'),
  text('id_number', '身份证号码'),
  text('category', '类别'),
  { key: 'persons', label: '保障人数', group: null, unit: 'persons', additive: true, drillable: false },
  text('members', '享受人员'),
  { key: 'amount', label: '月发放金额', group: null, unit: 'fen', additive: true, drillable: false },
  text('account', '银行账号'),
  text('note', '备注'),
];

/** The key under which a 合计 row's derived cells find the number of rows. */
export const ROW_COUNT = '__rows';

/** The rows of the roster, in township, village and name order. */
export async function paymentRoster(db: Executor, program: Program, month: string, fullIds: boolean): Promise<ReportRow[]> {
  const facts = await paidIn(db, month, [program]);
  const details = await householdPlaces(db, facts.map((f) => f.householdId));
  const members = await coveredMembers(db, facts.map((f) => f.enrollmentId));
  // A person program's enrolled person is its one covered member.
  const persons = new Map([...members.values()].flat().map((p) => [p.id, p]));
  const shown = (id: string | null) => (id ? (fullIds ? id : maskIdNumber(id)) : '');
  const sorted = facts
    .map((f) => ({ f, d: details.get(f.householdId)! }))
    .sort((a, b) => a.d.townshipCode.localeCompare(b.d.townshipCode) || (a.d.village ?? '').localeCompare(b.d.village ?? '', 'zh-CN') || a.d.head.localeCompare(b.d.head, 'zh-CN'));
  const rows: ReportRow[] = sorted.map(({ f, d }) => {
    const person = f.personId ? persons.get(f.personId) : undefined;
    const covered = isHouseholdProgram(program) ? f.covered : 1;
    const note = [f.startMonth === month ? '本月新增' : '', f.phase === 'taper' ? '渐退期' : ''].filter(Boolean).join('，');
    return {
      key: f.enrollmentId,
      townshipId: f.townshipId,
      label: person?.name ?? d.head,
      values: [
        d.township,
        d.village ?? '',
        shown(person?.idNumber ?? d.headId),
        f.category ? (PROGRAM_CATEGORIES[program]?.[f.category] ?? f.category) : '',
        covered,
        (members.get(f.enrollmentId) ?? []).map((m) => m.name).join('、'),
        f.amountFen,
        d.bankAccount ? shown(d.bankAccount) : '',
        note,
      ],
    };
  });
  return rows;
}
