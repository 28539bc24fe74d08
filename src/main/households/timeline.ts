/**
 * A household's story for the timeline: each audit entry filed under it, told in Chinese — what happened,
 * why (the reason the clerk wrote), and which fields changed from what to what — and what each 建账 batch
 * did to it, told from the rows the batch created under the batch's own entry.
 */
import type { TimelineEntry } from '../../shared/api/contract';
import { HUKOU_LABELS, RELATION_LABELS, type HukouType, type Relation } from '../../shared/domain/household';
import { maskIdNumber } from '../../shared/domain/id-number';
import { formatYuan } from '../../shared/domain/money';
import { DISABILITY_CATEGORIES, HEALTH_STATES, SCHOOL_STATES, SELF_CARE_LEVELS, SEX_LABELS } from '../../shared/domain/person-attributes';
import { PROGRAM_LABELS, type Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';
import { importsOf, timelineOf } from './households.repository';
import { AUDIT_ACTION_LABELS } from '../../shared/labels';

type Row = Record<string, unknown>;
type Shown = (value: unknown) => string | null;

const text: Shown = (v) => (v === null || v === undefined || v === '' ? null : String(v));
const coded = (labels: Record<string, string>): Shown => (v) => (v === null || v === undefined ? null : (labels[String(v)] ?? String(v)));

function fieldsFor(maskIds: boolean, villages: Map<string, string>): Record<string, [string, Shown]> {
  const id: Shown = (v) => (typeof v === 'string' ? (maskIds ? maskIdNumber(v) : v) : null);
  return {
    village_id: ['村（社区）', (v) => (typeof v === 'string' ? (villages.get(v) ?? null) : null)],
    address: ['家庭住址', text],
    hukou_type: ['户口性质', coded(HUKOU_LABELS as Record<HukouType, string>)],
    phone: ['联系电话', text],
    bank_name: ['开户银行', text],
    bank_account: ['银行账号', id],
    notes: ['备注', text],
    name: ['姓名', text],
    id_number: ['身份证号码', id],
    sex: ['性别', coded(SEX_LABELS)],
    birth_date: ['出生日期', text],
    relation: ['与户主关系', coded(RELATION_LABELS as Record<Relation, string>)],
    ethnicity: ['民族', text],
    disability_category: ['残疾类别', coded(DISABILITY_CATEGORIES)],
    disability_grade: ['残疾等级', (v) => (v ? `${v}级` : null)],
    self_care: ['自理能力', coded(SELF_CARE_LEVELS)],
    health: ['健康状况', coded(HEALTH_STATES)],
    school_status: ['在学情况', coded(SCHOOL_STATES)],
  };
}

/** What one 建账 batch did to a household, as its timeline tells it. */
function importSummary(i: { registered: boolean; persons: number; program: string; monthlyFen: number; startMonth: string }): string {
  const what = i.registered ? `登记家庭（${i.persons} 人）` : i.persons > 0 ? `新增成员 ${i.persons} 人` : '';
  return `建账导入：${what}${what ? '，' : ''}${PROGRAM_LABELS[i.program as Program] ?? ''}在保，每月 ${formatYuan(i.monthlyFen)} 元，${i.startMonth} 起`;
}

function summary(action: string, before: Row | null, after: Row | null): string {
  switch (action) {
    case 'household.register':
      return `登记家庭（${Array.isArray(after?.members) ? after.members.length : 0} 人）`;
    case 'household.update':
      return '修改家庭信息';
    case 'person.update':
      return `修改成员信息：${String(after?.name ?? before?.name ?? '')}`;
    case 'person.add':
      return `新增成员：${String(after?.name ?? '')}`;
    case 'household.import':
      // Ledgers imported before migration 0015 logged each household with the ids of its new persons.
      return importSummary({
        registered: Boolean(after?.registered),
        persons: Array.isArray(after?.personIds) ? after.personIds.length : 0,
        program: String(after?.program ?? ''),
        monthlyFen: Number(after?.monthlyFen ?? 0),
        startMonth: String(after?.startMonth ?? ''),
      });
    case 'enrollment.initial_load':
      return `建账录入在保记录：${PROGRAM_LABELS[after?.program as Program] ?? String(after?.program)}，每月 ${formatYuan(Number(after?.monthly_amount_fen ?? 0))} 元`;
    case 'case.start':
      return `发起审批案件 ${String(after?.caseNo ?? '')}：${PROGRAM_LABELS[after?.program as Program] ?? ''}`;
    case 'case.act':
      return `审批办理（案件 ${String(after?.caseNo ?? '')}）${after?.outcome === 'approved' ? '：批准' : after?.outcome === 'rejected' ? '：不予批准' : ''}`;
    case 'case.extend':
      return '审批案件延期办理';
    case 'case.filing_review':
      return '县级备案审查';
    case 'enrollment.create':
      return `经审批纳入${PROGRAM_LABELS[after?.program as Program] ?? ''}，每月 ${formatYuan(Number(after?.monthly_amount_fen ?? 0))} 元，${String(after?.start_month ?? '')} 起`;
    case 'enrollment.change':
      return '经审批变更保障';
    case 'enrollment.stop':
      return '经审批停止保障';
    case 'enrollment.taper':
      return '经审批渐退';
    case 'household.head_change':
      return '户主死亡，变更户主';
    default:
      return AUDIT_ACTION_LABELS[action] ?? action;
  }
}

export async function householdTimeline(db: Executor, householdId: string, maskIds: boolean): Promise<TimelineEntry[]> {
  const [rows, imports, villages] = await Promise.all([timelineOf(db, householdId), importsOf(db, householdId), db.selectFrom('villages').select(['id', 'name']).execute()]);
  const fields = fieldsFor(maskIds, new Map(villages.map((v) => [v.id, v.name])));
  // Batches that logged this household themselves (before migration 0015) are told once, from that entry.
  const logged = new Set<unknown>();
  const entries: TimelineEntry[] = rows.map((r) => {
    const before = r.before_json ? (JSON.parse(r.before_json) as Row) : null;
    const after = r.after_json ? (JSON.parse(r.after_json) as Row) : null;
    if (r.action === 'household.import') logged.add(after?.batchId);
    const changes: TimelineEntry['changes'] = [];
    if (before && after) {
      for (const [key, [label, show]] of Object.entries(fields)) {
        const b = show(before[key]);
        const a = show(after[key]);
        if (b !== a) changes.push({ field: label, before: b, after: a });
      }
    }
    return { seq: r.seq, at: r.at, username: r.username, action: r.action, entity: r.entity, entityId: r.entity_id, reason: r.reason, changes, summary: summary(r.action, before, after) };
  });
  for (const b of imports) {
    if (logged.has(b.batch_id)) continue;
    const told = importSummary({ registered: b.registered > 0, persons: b.persons, program: b.program, monthlyFen: b.monthly_fen ?? 0, startMonth: b.start_month ?? '' });
    entries.push({ seq: b.seq, at: b.at, username: b.username, action: 'household.import', entity: 'household', entityId: householdId, reason: `建账导入：${b.file_name}`, changes: [], summary: told });
  }
  return entries.sort((a, b) => b.seq - a.seq);
}
