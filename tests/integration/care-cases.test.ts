/**
 * Care cases on the workflow engine: a psychological-care case through intake review, plan, service,
 * mid-term assessment and discharge, graded by its assessments, flagged as a crisis on the way, followed up
 * after discharge; and an orphan's adult resettlement (成年后安置) with its one-off subsidy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../fixtures/people';
import { addMonthsToDate } from '../../src/shared/domain/dates';
import { careCounty, eastHousehold, laterDays, type ApprovalCounty } from '../fixtures/cases';
import type { Session } from '../../src/main/rpc/sessions';

let t: ApprovalCounty;
let manager: Session;
beforeEach(async () => {
  ({ t, manager } = await careCounty('2026-11-20T09:00:00+08:00'));
});
afterEach(async () => {
  await t.dispose();
});

/** A family in 东山村: a father, a left-behind girl of 9, a boy of 17 and 8 months, an orphaned nephew of 17 and 2 months. */
async function family() {
  const gen = new PeopleGenerator(91, '431122');
  const father = gen.person({ sex: 'male', bornFrom: 1984, bornTo: 1986, surname: '赵' });
  const girl = gen.personBornOn('2017-04-12', 'female');
  const nearlyAdult = gen.personBornOn('2009-03-15', 'male');
  const younger = gen.personBornOn('2009-09-10', 'male');
  const detail = await eastHousehold(t, '东山村七组 8 号', [
    { name: father.name, idNumber: father.idNumber, relation: 'self' },
    { name: `赵${girl.name.slice(1)}`, idNumber: girl.idNumber, relation: 'daughter' },
    { name: `赵${nearlyAdult.name.slice(1)}`, idNumber: nearlyAdult.idNumber, relation: 'other' },
    { name: `赵${younger.name.slice(1)}`, idNumber: younger.idNumber, relation: 'other' },
  ]);
  const member = (idNumber: string) => detail.members.find((m) => m.idNumber === idNumber)!;
  return { householdId: detail.id, girl: member(girl.idNumber), nearlyAdult: member(nearlyAdult.idNumber), younger: member(younger.idNumber), father };
}

const childFile = (category: 'left_behind' | 'orphan', guardianName: string) => ({
  category,
  guardianship: 'relatives' as const,
  guardianName,
  guardianRelation: '伯父',
  guardianIdNumber: null,
  guardianPhone: '13900005555',
  directorId: null,
  school: '东山中学',
  health: '健康',
  pairingName: null,
  pairingKind: null,
  pairingPhone: null,
});

async function act(session: Session, caseId: string, action: string, opinion: string, data: Record<string, unknown> = {}) {
  const { version } = await t.call(session, 'cases.get', { id: caseId });
  return t.call(session, 'cases.act', { caseId, version, action, opinion, data });
}

async function failAct(session: Session, caseId: string, action: string, data: Record<string, unknown> = {}) {
  const before = await t.call(t.countyClerk, 'cases.get', { id: caseId });
  const error = await t.failure(session, 'cases.act', { caseId, version: before.version, action, opinion: '办理意见', data });
  const after = await t.call(t.countyClerk, 'cases.get', { id: caseId });
  expect(after.version).toBe(before.version);
  return error;
}

describe('psychological-care case', () => {
  it('runs intake, plan, service, mid-term assessment and discharge, with a crisis and follow-ups', async () => {
    const f = await family();
    const start = { kind: 'psych_care' as const, householdId: f.householdId, personIds: [f.girl.id], reason: '班主任反映孩子近期情绪低落、不愿上学' };
    // Only a child with a care file; only the care clerks.
    expect((await t.failure(t.eastA, 'cases.start', start)).message).toContain('没有在册的儿童关爱档案');
    await t.call(t.eastA, 'care.children.register', { personId: f.girl.id, ...childFile('left_behind', f.father.name) });
    expect((await t.failure(manager, 'cases.start', start)).code).toBe('FORBIDDEN');
    const { id } = await t.call(t.eastA, 'cases.start', start);
    expect((await t.failure(t.eastA, 'cases.start', start)).message).toContain('已有未办结的同类案件');

    let c = await t.call(t.eastA, 'cases.get', { id });
    expect(c).toMatchObject({ kind: 'psych_care', step: 'intake_review', form: 'psych_assessment', program: 'child_care', care: { grade: null, canFlagCrisis: true } });
    expect((await t.call(t.eastA, 'cases.inbox', { tab: 'todo', kind: 'psych_care' })).rows.map((r) => r.id)).toEqual([id]);
    // The steps are the clerks' work: the county reviewer's inbox stays free of them.
    expect((await t.call(t.reviewer, 'cases.inbox', { tab: 'todo', kind: 'psych_care' })).rows).toEqual([]);

    // Intake: the assessment is required, and grades the case (SDQ self-report 17: borderline).
    expect((await failAct(t.eastA, id, 'accept')).details?.fields?.[0]?.path).toEqual(['data', 'psychTool']);
    expect((await failAct(t.eastA, id, 'accept', { psychTool: 'sdq_self' })).details?.fields?.[0]?.path).toEqual(['data', 'psychScore']);
    expect((await failAct(t.westClerk, id, 'accept', { psychTool: 'sdq_self', psychScore: 17 })).code).toBe('FORBIDDEN');
    await act(t.eastA, id, 'accept', '接案，安排心理咨询师跟进', { psychTool: 'sdq_self', psychScore: 17 });
    c = await t.call(t.eastA, 'cases.get', { id });
    expect(c).toMatchObject({ step: 'service_plan', form: 'service_plan', care: { grade: 'medium' } });

    expect((await failAct(t.eastA, id, 'complete', { planGoals: '改善情绪' })).details?.fields?.[0]?.path).toEqual(['data', 'planMeasures']);
    await act(t.eastA, id, 'complete', '方案经讨论确定', { planGoals: '改善情绪，恢复正常上学', planMeasures: '每周一次个体咨询，联系学校心理老师', counsellor: '县心理健康服务中心', sessionsPlanned: 8 });

    // A crisis during the service: graded high at once, listed apart, and it blocks discharge.
    c = await t.call(t.eastA, 'cases.get', { id });
    await t.call(t.eastA, 'cases.flagCrisis', { caseId: id, version: c.version, crisis: true, note: '出现自伤念头，已联系监护人和医院' });
    c = await t.call(t.eastA, 'cases.get', { id });
    expect(c).toMatchObject({ crisis: true, step: 'service', care: { grade: 'high', crisisSince: '2026-11-20' } });
    expect((await t.call(t.countyClerk, 'cases.inbox', { tab: 'all', crisisOnly: true })).rows.map((r) => r.id)).toEqual([id]);
    expect((await t.failure(t.eastA, 'cases.flagCrisis', { caseId: id, version: c.version, crisis: true, note: '再次标记' })).message).toContain('已处于危机状态');

    await laterDays(t, 14);
    await act(t.eastA, id, 'complete', '8 次咨询已完成 4 次，进入中期评估');
    // Still a crisis: the mid-term score is low, but the grade stays high.
    await act(t.eastA, id, 'to_discharge', '情绪明显好转', { psychTool: 'sdq_self', psychScore: 11 });
    c = await t.call(t.eastA, 'cases.get', { id });
    expect(c).toMatchObject({ step: 'discharge', care: { grade: 'high' } });
    expect((await failAct(t.eastA, id, 'close', { dischargeSummary: '目标达成' })).message).toContain('须先解除危机标记');
    await t.call(t.eastA, 'cases.flagCrisis', { caseId: id, version: c.version, crisis: false, note: '危机已解除，医院评估无风险' });
    expect((await t.call(t.countyClerk, 'cases.inbox', { tab: 'all', crisisOnly: true })).rows).toEqual([]);
    await act(t.eastA, id, 'close', '同意结案', { dischargeSummary: '情绪稳定，已正常上学' });

    // Discharged: followed up a month later (high grade), listed when due.
    const today = '2026-12-04';
    c = await t.call(t.eastA, 'cases.get', { id });
    expect(c).toMatchObject({ status: 'closed', outcome: 'approved', followUpOn: addMonthsToDate(today, 1), care: { canFollowUp: true } });
    expect(await t.call(t.eastA, 'cases.followUpsDue', {})).toEqual([]);
    await laterDays(t, 30);
    expect((await t.call(t.eastA, 'cases.followUpsDue', {})).map((r) => [r.id, r.followUpOn])).toEqual([[id, '2027-01-04']]);
    expect(await t.call(t.westClerk, 'cases.followUpsDue', {})).toEqual([]);
    c = await t.call(t.eastA, 'cases.get', { id });
    const early = await t.failure(t.eastA, 'cases.followUp', { caseId: id, version: c.version, onDate: '2026-12-01', note: '电话随访', nextFollowUpOn: null });
    expect(early.details?.fields?.[0]?.path).toEqual(['onDate']);
    await t.call(t.eastA, 'cases.followUp', { caseId: id, version: c.version, onDate: '2027-01-02', note: '入户随访，情况稳定', nextFollowUpOn: null });
    expect(await t.call(t.eastA, 'cases.followUpsDue', {})).toEqual([]);
    c = await t.call(t.eastA, 'cases.get', { id });
    expect(c.history.map((h) => h.action)).toEqual(['submit', 'accept', 'complete', 'crisis', 'complete', 'to_discharge', 'crisis_cleared', 'close', 'follow_up']);
    expect(c.history.at(-1)?.details).toEqual([{ label: '本次随访日期', value: '2027-01-02' }]);
    expect((await t.failure(t.eastA, 'cases.followUp', { caseId: id, version: c.version, onDate: '2027-01-03', note: '再随访', nextFollowUpOn: null })).message).toContain('没有待随访安排');
  });

  it('goes back to the plan after a mid-term assessment, and masks the case for roles without need', async () => {
    const f = await family();
    await t.call(t.eastA, 'care.children.register', { personId: f.girl.id, ...childFile('left_behind', f.father.name) });
    const { id } = await t.call(t.eastA, 'cases.start', { kind: 'psych_care', householdId: f.householdId, personIds: [f.girl.id], reason: '孩子遭受校园欺凌后情绪异常' });
    await act(t.eastA, id, 'accept', '接案', { psychTool: 'other', psychGrade: 'low' });
    await act(t.eastA, id, 'complete', '方案确定', { planGoals: '恢复安全感', planMeasures: '学校介入，同伴支持', counsellor: '学校心理老师' });
    await act(t.eastA, id, 'complete', '服务阶段完成');
    await act(t.eastA, id, 'replan', '效果不明显，调整方案', { psychTool: 'sdq_parent', psychScore: 18 });
    const c = await t.call(t.eastA, 'cases.get', { id });
    expect(c).toMatchObject({ step: 'service_plan', care: { grade: 'high' } });
    // The plan's form starts from the plan as it was.
    expect(c.formDefaults).toMatchObject({ planGoals: '恢复安全感', counsellor: '学校心理老师' });

    const masked = await t.call(manager, 'cases.get', { id });
    expect(masked.subjectName).toMatch(/^赵\*+$/);
    expect(masked.members.every((m) => /^赵\*+$/.test(m.name) || m.name.includes('*'))).toBe(true);
    expect(masked.members.map((m) => m.idNumber).every((n) => n.includes('********'))).toBe(true);
    expect(JSON.stringify(masked)).not.toContain('校园欺凌');
    expect(JSON.stringify(masked)).not.toContain('恢复安全感');
    expect((await t.call(manager, 'cases.inbox', { tab: 'all', kind: 'psych_care' })).rows[0]?.subjectName).toMatch(/^赵\*+$/);
    expect((await t.failure(manager, 'cases.flagCrisis', { caseId: id, version: c.version, crisis: true, note: '危机' })).code).toBe('FORBIDDEN');

    // Nothing of the child's care reaches the audit trail but ids, steps and dates.
    const audit = JSON.stringify(await t.backend.store.db.selectFrom('audit_log').select(['action', 'reason', 'before_json', 'after_json']).where('entity_id', '=', id).execute());
    for (const secret of ['校园欺凌', '效果不明显', '恢复安全感', f.girl.name]) expect(audit).not.toContain(secret);
  });
});

describe('adult resettlement (成年后安置)', () => {
  it('settles an orphan turning 18 with a one-off subsidy and closes the care file', async () => {
    const f = await family();
    await t.call(t.eastA, 'care.children.register', { personId: f.nearlyAdult.id, ...childFile('orphan', f.father.name) });
    await t.call(t.eastA, 'care.children.register', { personId: f.younger.id, ...childFile('orphan', f.father.name) });
    await t.call(t.eastA, 'care.children.register', { personId: f.girl.id, ...childFile('left_behind', f.father.name) });
    const start = (personId: string) => ({ kind: 'adult_resettlement' as const, householdId: f.householdId, personIds: [personId], reason: '年满 18 周岁，办理成年后安置' });

    // The file says when resettlement can be started: an orphan within the ages, not a younger one or a left-behind girl.
    const open = async (personId: string) => (await t.call(t.eastA, 'care.children.get', { personId })).resettlementOpen;
    expect([await open(f.nearlyAdult.id), await open(f.younger.id), await open(f.girl.id)]).toEqual([true, false, false]);
    expect((await t.failure(t.eastA, 'cases.start', start(f.girl.id))).message).toContain('不是孤儿或事实无人抚养儿童');
    expect((await t.failure(t.eastA, 'cases.start', start(f.younger.id))).message).toContain('2027-03-10 起可办理');
    const { id } = await t.call(t.eastA, 'cases.start', start(f.nearlyAdult.id));

    expect((await failAct(t.eastA, id, 'pass', { resettlementKind: 'education' })).details?.fields?.[0]?.path).toEqual(['data', 'resettlementDetail']);
    expect((await failAct(t.eastA, id, 'pass', { resettlementKind: 'education', resettlementDetail: '县职业中专' })).details?.fields?.[0]?.path).toEqual(['data', 'amountFen']);
    await act(t.eastA, id, 'pass', '安置方案可行', { resettlementKind: 'education', resettlementDetail: '县职业中专', amountFen: 500_000 });
    let c = await t.call(t.reviewer, 'cases.get', { id });
    expect(c).toMatchObject({ step: 'county_confirmation', amountFen: 500_000, program: 'orphan' });
    expect(c.amountLines).toEqual(['成年后安置一次性补助 5,000.00 元']);
    await act(t.reviewer, id, 'confirm', '同意安置');
    c = await t.call(t.reviewer, 'cases.get', { id });
    expect(c).toMatchObject({ status: 'closed', outcome: 'approved' });

    const file = await t.call(t.eastA, 'care.children.get', { personId: f.nearlyAdult.id });
    expect(file.closedOn).toBe('2026-11-20');
    expect(file.resettlementOpen).toBe(false);
    expect(file.closeReason).toContain('成年后安置');
    expect((await t.failure(t.eastA, 'cases.start', start(f.nearlyAdult.id))).message).toContain('已办理过成年后安置');
  });
});
