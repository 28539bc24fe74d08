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
  const details = new Map<string, { township: string; code: string; village: string; head: string; headId: string | null; account: string | null }>();
  const members = new Map<string, string[]>();
  const persons = new Map<string, { name: string; id_number: string }>();
  const householdIds = [...new Set(facts.map((f) => f.householdId))];
  for (let i = 0; i < householdIds.length; i += 500) {
    const rows = await db
      .selectFrom('households as h')
      .innerJoin('townships as t', 't.id', 'h.township_id')
      .leftJoin('villages as v', 'v.id', 'h.village_id')
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .select(['h.id', 't.name as township', 't.code', 'v.name as village', 'p.name as head', 'p.id_number as headId', 'h.bank_account'])
      .where('h.id', 'in', householdIds.slice(i, i + 500))
      .execute();
    for (const r of rows) details.set(r.id, { township: r.township, code: r.code, village: r.village ?? '', head: r.head ?? '', headId: r.headId, account: r.bank_account });
  }
  const enrollmentIds = facts.map((f) => f.enrollmentId);
  for (let i = 0; i < enrollmentIds.length; i += 500) {
    const rows = await db
      .selectFrom('enrollment_members as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['m.enrollment_id', 'p.id', 'p.name', 'p.id_number'])
      .where('m.enrollment_id', 'in', enrollmentIds.slice(i, i + 500))
      .orderBy('p.birth_date')
      .execute();
    for (const r of rows) {
      members.set(r.enrollment_id, [...(members.get(r.enrollment_id) ?? []), r.name]);
      persons.set(r.id, { name: r.name, id_number: r.id_number });
    }
  }
  const shown = (id: string | null) => (id ? (fullIds ? id : maskIdNumber(id)) : '');
  const sorted = facts
    .map((f) => ({ f, d: details.get(f.householdId)! }))
    .sort((a, b) => a.d.code.localeCompare(b.d.code) || a.d.village.localeCompare(b.d.village, 'zh-CN') || a.d.head.localeCompare(b.d.head, 'zh-CN'));
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
        d.village,
        shown(person?.id_number ?? d.headId),
        f.category ? (PROGRAM_CATEGORIES[program]?.[f.category] ?? f.category) : '',
        covered,
        (members.get(f.enrollmentId) ?? []).join('、'),
        f.amountFen,
        d.account ? shown(d.account) : '',
        note,
      ],
    };
  });
  return rows;
}
