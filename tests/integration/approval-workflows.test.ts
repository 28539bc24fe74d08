import { afterEach, describe, expect, it } from 'vitest';
import { approvalCounty, laterDays, registerFamily, signInAgain, type ApprovalCounty } from '../fixtures/cases';
import { PeopleGenerator } from '../fixtures/people';
import type { Session } from '../../src/main/rpc/sessions';

let ledger: ApprovalCounty | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

async function county() {
  ledger = await approvalCounty();
  return ledger;
}

type T = ApprovalCounty;

async function act(t: T, s: Session, caseId: string, action: string, opinion: string, data = {}) {
  const { version } = await t.call(s, 'cases.get', { id: caseId });
  return t.call(s, 'cases.act', { caseId, version, action, opinion, data });
}

/** A 低保 application taken by east clerk A, accepted, investigated and through the initial review. */
async function dibaoToNotice(t: T, seed = 11, incomeFen = 100000) {
  const family = await registerFamily(t, t.eastA, seed);
  const { id } = await t.call(t.eastA, 'cases.start', { kind: 'dibao_new', householdId: family.id, reason: '丈夫患病无法务工，家庭收入低', monthlyIncomeFen: incomeFen });
  await act(t, t.eastA, id, 'accept', '材料齐全，予以受理');
  await act(t, t.eastA, id, 'complete', '入户核实，收入属实', { monthlyIncomeFen: incomeFen, familySize: 4, visitDate: '2026-02-10' });
  await act(t, t.eastA, id, 'pass', '符合条件，同意公示');
  return { id, family };
}

/** A 低保 application through its notice and the county's confirmation: the household's enrollment is in force. */
async function confirmedDibao(t: T) {
  const { id, family } = await dibaoToNotice(t);
  await laterDays(t, 7);
  await act(t, t.eastA, id, 'no_objection', '无异议');
  await act(t, t.reviewer, id, 'confirm', '确认');
  return { id, family };
}

/** The 低保 payment roster of a month: persons covered and amount, a row per household. */
async function paidFor(t: T, period: string) {
  const r = await t.call(t.reviewer, 'reports.compute', { form: 'payment-roster', period, program: 'dibao' });
  return r.rows.map((row) => [row.values[r.columns.findIndex((c) => c.key === 'persons')], row.values[r.columns.findIndex((c) => c.key === 'amount')]]);
}

describe('a 低保 application from intake to enrollment', () => {
  it('runs intake, investigation, notice with an objection, a second notice and county confirmation, counting working days', async () => {
    const t = await county();
    const family = await registerFamily(t, t.eastA);
    const started = await t.call(t.eastA, 'cases.start', { kind: 'dibao_new', householdId: family.id, reason: '丈夫患病无法务工，家庭收入低', monthlyIncomeFen: 100000 });
    expect(started.caseNo).toBe('2026-00001');
    let c = await t.call(t.eastA, 'cases.get', { id: started.id });
    // Opened Tuesday 10 February 2026: 30 working days, across the Spring Festival with its make-up Saturdays.
    expect(c.caseDue).toBe('2026-03-30');
    expect(c.stepLabel).toBe('受理');

    await act(t, t.eastA, started.id, 'accept', '材料齐全，予以受理');
    c = await t.call(t.eastA, 'cases.get', { id: started.id });
    expect([c.stepLabel, c.stepDue]).toEqual(['家庭经济状况调查', '2026-02-13']);
    await act(t, t.eastA, started.id, 'complete', '入户核实：家庭月收入 1000 元', { monthlyIncomeFen: 100000, familySize: 4, visitDate: '2026-02-10' });
    c = await t.call(t.eastA, 'cases.get', { id: started.id });
    // Rural standard 600 元 × 4 − 1,000 元 = 1,400 元.
    expect(c.amountFen).toBe(140000);
    expect(c.amountLines.join('\n')).toContain('补差');
    await act(t, t.eastA, started.id, 'pass', '符合条件，同意公示');
    c = await t.call(t.eastA, 'cases.get', { id: started.id });
    expect(c.stepLabel).toBe('公示');

    // The notice list shows names, members and amounts, never an ID number.
    const notice = await t.call(t.eastA, 'cases.noticeList', { townshipId: t.east.id });
    expect(notice.rows).toEqual([expect.objectContaining({ name: family.members[0]!.name, coveredCount: 4, amountFen: 140000, noticeFrom: '2026-02-10', noticeTo: '2026-02-16' })]);
    expect(JSON.stringify(notice)).not.toContain(family.members[0]!.idNumber.slice(0, 10));

    // The notice cannot end early; an objection sends the case back to the investigation.
    const early = await t.failure(t.eastA, 'cases.act', { caseId: started.id, version: c.version, action: 'no_objection', opinion: '无异议' });
    expect(early.message).toBe('公示期至 2026-02-17，期满后才能办理“公示期满无异议，报县级审核确认”');
    await laterDays(t, 3);
    await act(t, t.eastA, started.id, 'objection', '村民反映其子在外务工有收入，重新调查');
    c = await t.call(t.eastA, 'cases.get', { id: started.id });
    expect(c.stepLabel).toBe('家庭经济状况调查');
    await act(t, t.eastA, started.id, 'complete', '复查：儿子务工月收入 200 元', { monthlyIncomeFen: 120000, familySize: 4, visitDate: '2026-02-13' });
    await act(t, t.eastA, started.id, 'pass', '复查后仍符合条件，重新公示');
    await laterDays(t, 7);
    await act(t, t.eastA, started.id, 'no_objection', '公示 7 天无异议');
    c = await t.call(t.reviewer, 'cases.get', { id: started.id });
    expect(c.stepLabel).toBe('县级审核确认');
    expect(c.amountFen).toBe(120000);

    // The township clerk cannot confirm; the county reviewer does.
    const clerkConfirm = await t.failure(t.eastA, 'cases.act', { caseId: started.id, version: c.version, action: 'confirm', opinion: '同意' });
    expect([clerkConfirm.code, clerkConfirm.message]).toEqual(['FORBIDDEN', '“县级审核确认”环节不由您的角色办理']);
    const inbox = await t.call(t.reviewer, 'cases.inbox', { tab: 'todo' });
    expect(inbox.rows.map((r) => r.caseNo)).toEqual(['2026-00001']);
    await act(t, t.reviewer, started.id, 'confirm', '经审核，符合低保条件，予以确认');
    c = await t.call(t.reviewer, 'cases.get', { id: started.id });
    expect([c.status, c.outcome]).toEqual(['closed', 'approved']);
    expect(c.history.map((h) => `${h.stepLabel}/${h.actionLabel}/${h.onDate}`)).toEqual([
      '申请登记/登记申请/2026-02-10',
      '受理/受理申请/2026-02-10',
      '家庭经济状况调查/完成入户调查和信息核对/2026-02-10',
      '乡镇初审/初审同意，进入公示/2026-02-10',
      '公示/公示有异议，重新调查/2026-02-13',
      '家庭经济状况调查/完成入户调查和信息核对/2026-02-13',
      '乡镇初审/初审同意，进入公示/2026-02-13',
      '公示/公示期满无异议，报县级审核确认/2026-02-20',
      '县级审核确认/审核确认/2026-02-20',
    ]);

    const household = await t.call(t.eastA, 'households.get', { id: family.id });
    expect(household.enrollments).toEqual([
      expect.objectContaining({ program: 'dibao', status: 'active', monthlyAmountFen: 120000, startMonth: '2026-03', source: 'workflow', personIds: expect.arrayContaining(household.members.map((m) => m.id)) }),
    ]);
    const done = await t.call(t.eastA, 'cases.inbox', { tab: 'done' });
    expect(done.rows.map((r) => r.caseNo)).toEqual(['2026-00001']);
  });
});

describe('refusals leave the case as it was', () => {
  it('refuses the recorder confirming, another township, and a transition the definition lacks', async () => {
    const t = await county();
    // The county lets county clerks confirm too; the clerk who investigated still cannot confirm.
    await t.call(t.admin, 'workflows.save', { kind: 'dibao_new', overrides: { steps: { county_confirmation: { roles: ['county_reviewer', 'county_clerk'] } } } });
    const family = await registerFamily(t, t.eastA);
    const { id } = await t.call(t.countyClerk, 'cases.start', { kind: 'dibao_new', householdId: family.id, reason: '申请低保', monthlyIncomeFen: 50000 });
    const before = await t.call(t.countyClerk, 'cases.get', { id });

    const missing = await t.failure(t.eastA, 'cases.act', { caseId: id, version: before.version, action: 'confirm', opinion: '直接确认' });
    expect([missing.code, missing.message]).toEqual(['CONFLICT', '“受理”环节没有这项操作']);
    const west = await t.failure(t.westClerk, 'cases.act', { caseId: id, version: before.version, action: 'accept', opinion: '受理' });
    expect([west.code, west.message]).toEqual(['FORBIDDEN', '只能办理本乡镇（街道）的案件']);
    const westView = await t.failure(t.westClerk, 'cases.get', { id });
    expect(westView.code).toBe('NOT_FOUND');

    await act(t, t.countyClerk, id, 'accept', '受理');
    await act(t, t.countyClerk, id, 'complete', '调查属实', { monthlyIncomeFen: 50000, familySize: 4, visitDate: '2026-02-10' });
    await act(t, t.eastA, id, 'pass', '同意公示');
    await laterDays(t, 7);
    await act(t, t.eastA, id, 'no_objection', '无异议');
    const atConfirm = await t.call(t.countyClerk, 'cases.get', { id });
    expect(atConfirm.actions.find((a) => a.id === 'confirm')!.refusal).toBe('办理过本案前面环节的人员不能审核确认同一案件');
    const self = await t.failure(t.countyClerk, 'cases.act', { caseId: id, version: atConfirm.version, action: 'confirm', opinion: '同意' });
    expect([self.code, self.message]).toEqual(['FORBIDDEN', '办理过本案前面环节的人员不能审核确认同一案件']);
    const after = await t.call(t.countyClerk, 'cases.get', { id });
    expect([after.version, after.history.length, after.status]).toEqual([atConfirm.version, atConfirm.history.length, 'open']);
    expect((await t.call(t.eastA, 'households.get', { id: family.id })).enrollments).toEqual([]);

    // A stale page cannot overwrite someone else's action.
    const stale = await t.failure(t.reviewer, 'cases.act', { caseId: id, version: atConfirm.version - 1, action: 'confirm', opinion: '同意' });
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses a second application while one is open, and a program the person already holds', async () => {
    const t = await county();
    const { id, family } = await dibaoToNotice(t);
    const again = await t.failure(t.eastA, 'cases.start', { kind: 'dibao_new', householdId: family.id, reason: '再次申请', monthlyIncomeFen: 1 });
    expect(again.message).toBe('已有未办结的低保申请（案件编号 2026-00001），不能重复申请');
    await laterDays(t, 7);
    await act(t, t.eastA, id, 'no_objection', '无异议');
    await act(t, t.reviewer, id, 'confirm', '确认');
    const mother = family.detail.members.find((m) => m.relation === 'parent')!;
    const tekun = await t.failure(t.eastA, 'cases.start', { kind: 'tekun_new', householdId: family.id, personIds: [mother.id], category: 'home', reason: '申请特困' });
    expect(tekun.code).toBe('CONFLICT');
    expect(tekun.message).toContain('同一人不能同时享受低保和特困供养');
  });
});

describe('batch confirmation, delegation and extension', () => {
  it('confirms a batch with a result per case, leaving a stale one untouched', async () => {
    const t = await county();
    const ids: string[] = [];
    for (const seed of [21, 22, 23]) ids.push((await dibaoToNotice(t, seed)).id);
    await laterDays(t, 7);
    for (const id of ids) await act(t, t.eastB, id, 'no_objection', '公示无异议');
    const inbox = await t.call(t.reviewer, 'cases.inbox', { tab: 'todo' });
    expect(inbox.total).toBe(3);
    const items = inbox.rows.map((r, i) => ({ caseId: r.id, version: i === 1 ? r.version + 5 : r.version }));
    const { results } = await t.call(t.reviewer, 'cases.batchAct', { items, action: 'confirm', opinion: '批量审核确认' });
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]!.message).toBe('案件已被他人办理或已更新，请刷新后再办理');
    expect((await t.call(t.reviewer, 'cases.inbox', { tab: 'todo' })).rows.map((r) => r.id)).toEqual([inbox.rows[1]!.id]);
    const confirmed = await t.call(t.reviewer, 'cases.get', { id: inbox.rows[0]!.id });
    expect(confirmed.outcome).toBe('approved');
    expect(confirmed.enrollmentId).not.toBeNull();
  });

  it('lets a delegating county have the township confirm, and reviews the record copy', async () => {
    const t = await county();
    await t.call(t.admin, 'workflows.save', { kind: 'dibao_new', overrides: { delegated: true } });
    const { id } = await dibaoToNotice(t);
    await laterDays(t, 7);
    await act(t, t.eastA, id, 'no_objection', '无异议');
    const self = await t.failure(t.eastA, 'cases.act', { caseId: id, version: (await t.call(t.eastA, 'cases.get', { id })).version, action: 'confirm', opinion: '确认' });
    expect(self.message).toBe('办理过本案前面环节的人员不能审核确认同一案件');
    await act(t, t.eastB, id, 'confirm', '乡镇审核确认（县级下放）');
    const filing = await t.call(t.reviewer, 'cases.inbox', { tab: 'filing' });
    expect(filing.rows.map((r) => r.id)).toEqual([id]);
    const c = await t.call(t.reviewer, 'cases.get', { id });
    expect(c.canReviewFiling).toBe(true);
    await t.call(t.reviewer, 'cases.reviewFiling', { caseId: id, version: c.version, opinion: '备案材料齐全' });
    expect((await t.call(t.reviewer, 'cases.inbox', { tab: 'filing' })).total).toBe(0);
    // The reviewer's record check does not make them a party to the case.
    expect((await t.call(t.reviewer, 'cases.get', { id })).filingOpinion).toBe('备案材料齐全');
  });

  it('extends the whole case once, from 30 to 45 working days, with a reason', async () => {
    const t = await county();
    const { id } = await dibaoToNotice(t);
    const c = await t.call(t.eastA, 'cases.get', { id });
    const { caseDue } = await t.call(t.eastA, 'cases.extend', { caseId: id, version: c.version, reason: '需要补充外省就业信息核对' });
    expect(caseDue).toBe('2026-04-21');
    const again = await t.failure(t.eastA, 'cases.extend', { caseId: id, version: c.version + 1, reason: '再次延期理由' });
    expect(again.message).toBe('本案已延期过一次，不能再延期');
  });
});

describe('other kinds of case', () => {
  it('sends 临时救助 above the township limit to the county and records the one-off payment', async () => {
    const t = await county();
    const family = await registerFamily(t, t.eastA);
    const { id } = await t.call(t.eastA, 'cases.start', { kind: 'linshi_expense', householdId: family.id, reason: '住院自付费用高', requestedAmountFen: 300000 });
    await act(t, t.eastA, id, 'complete', '核实住院发票', { visitDate: '2026-02-10' });
    const c = await t.call(t.eastB, 'cases.get', { id });
    expect(c.actions.find((a) => a.id === 'approve')!.refusal).toBe('救助金额 3,000.00 元超过乡镇审批权限（2,000.00 元），请报县级审批');
    await act(t, t.eastB, id, 'refer', '超出权限，报县级');
    await act(t, t.reviewer, id, 'confirm', '同意救助 3000 元');
    const done = await t.call(t.reviewer, 'cases.get', { id });
    expect([done.outcome, done.amountFen, done.status]).toEqual(['approved', 300000, 'closed']);
  });

  it('pays 急难型 first and completes the file after', async () => {
    const t = await county();
    const family = await registerFamily(t, t.eastA);
    const { id } = await t.call(t.eastA, 'cases.start', { kind: 'linshi_emergency', householdId: family.id, reason: '房屋失火', requestedAmountFen: 150000 });
    await act(t, t.eastA, id, 'pay', '先行救助 1500 元', { amountFen: 150000 });
    let c = await t.call(t.eastA, 'cases.get', { id });
    expect([c.outcome, c.stepLabel]).toEqual(['approved', '补齐救助材料']);
    await act(t, t.eastA, id, 'complete', '已补齐受灾证明');
    c = await t.call(t.eastA, 'cases.get', { id });
    expect(c.status).toBe('closed');
  });

  it('leaves minors off the 特困 notice list and sets the amount by care level', async () => {
    const t = await county();
    const people = new PeopleGenerator(77);
    const grandma = people.person({ sex: 'female', bornFrom: 1940, bornTo: 1944, surname: '刘' });
    const child = people.person({ sex: 'male', bornFrom: 2015, bornTo: 2016, surname: '刘' });
    const { id: householdId } = await t.call(t.eastA, 'households.create', {
      townshipId: t.east.id,
      villageId: t.eastVillage.id,
      address: '东山村五组',
      hukouType: 'rural',
      members: [
        { name: grandma.name, idNumber: grandma.idNumber, relation: 'self', selfCare: 'partial' },
        { name: child.name, idNumber: child.idNumber, relation: 'grandchild' },
      ],
    });
    const members = (await t.call(t.eastA, 'households.get', { id: householdId })).members;
    const forPerson = async (personId: string) => {
      const { id } = await t.call(t.eastA, 'cases.start', { kind: 'tekun_new', householdId, personIds: [personId], category: 'home', reason: '无劳动能力、无生活来源、无法定赡养人' });
      await act(t, t.eastA, id, 'accept', '受理');
      await act(t, t.eastA, id, 'complete', '调查属实', { visitDate: '2026-02-10' });
      await act(t, t.eastA, id, 'pass', '同意公示');
      return id;
    };
    const elder = await forPerson(members.find((m) => m.name === grandma.name)!.id);
    await forPerson(members.find((m) => m.name === child.name)!.id);
    const notice = await t.call(t.eastA, 'cases.noticeList', { townshipId: t.east.id });
    expect(notice.rows.map((r) => r.name)).toEqual([grandma.name]);
    // 农村基本生活 780 元 + 半护理 300 元.
    expect((await t.call(t.eastA, 'cases.get', { id: elder })).amountFen).toBe(108000);
  });

  it('stops an enrollment through a change case and asks for the termination notice', async () => {
    const t = await county();
    const { id, family } = await confirmedDibao(t);
    const enrollmentId = (await t.call(t.reviewer, 'cases.get', { id })).enrollmentId!;
    const stop = await t.call(t.eastA, 'cases.start', { kind: 'enrollment_stop', householdId: family.id, enrollmentId, reason: '家庭成员就业，收入超过标准' });
    await act(t, t.eastA, stop.id, 'complete', '入户核实就业情况', { visitDate: '2026-02-17' });
    await act(t, t.eastA, stop.id, 'pass', '同意停保');
    await act(t, t.reviewer, stop.id, 'confirm', '确认停保');
    let c = await t.call(t.eastA, 'cases.get', { id: stop.id });
    expect(c.stepLabel).toBe('送达终止告知书');
    expect(c.ending).toEqual({ status: 'stopped', lastPaidMonth: '2026-02' });
    expect(c.history.at(-1)).toMatchObject({ action: 'confirm', outcome: 'approved', level: 'county', opinion: '确认停保' });
    await act(t, t.eastA, stop.id, 'served', '已送达本人');
    c = await t.call(t.eastA, 'cases.get', { id: stop.id });
    expect(c.status).toBe('closed');
    const e = (await t.call(t.eastA, 'households.get', { id: family.id })).enrollments[0]!;
    expect([e.status, e.endMonth]).toEqual(['stopped', '2026-02']);
  });

  it('reviews an enrollment and tapers it out over the county default of 6 months', async () => {
    const t = await county();
    const { id, family } = await confirmedDibao(t);
    const enrollmentId = (await t.call(t.reviewer, 'cases.get', { id })).enrollmentId!;
    t.clock.set('2027-02-01T09:00:00+08:00');
    await signInAgain(t);
    const due = await t.call(t.eastA, 'cases.reviewsDue', { withinDays: 30 });
    expect(due.map((d) => [d.enrollmentId, d.nextReviewOn])).toEqual([[enrollmentId, '2027-02-17']]);
    const { started } = await t.call(t.eastA, 'cases.startReviews', { enrollmentIds: [enrollmentId] });
    expect(started).toBe(1);
    const review = (await t.call(t.eastA, 'cases.inbox', { tab: 'todo', kind: 'periodic_review' })).rows[0]!;
    await act(t, t.eastA, review.id, 'complete', '复核入户', { monthlyIncomeFen: 250000, familySize: 4, visitDate: '2027-02-01' });
    await act(t, t.eastA, review.id, 'propose', '收入已超标准，建议渐退', { reviewResult: 'taper' });
    await act(t, t.reviewer, review.id, 'confirm', '同意渐退');
    const e = (await t.call(t.eastA, 'households.get', { id: family.id })).enrollments[0]!;
    expect([e.status, e.endMonth, e.monthlyAmountFen]).toEqual(['tapering', '2027-08', 140000]);
    expect((await t.call(t.eastA, 'cases.get', { id: review.id })).ending).toEqual({ status: 'tapering', lastPaidMonth: '2027-08' });
    // The payment rosters: paid as usual in February, in its taper from March, and not after August.
    const paid = async (period: string) => (await t.call(t.reviewer, 'reports.compute', { form: 'payment-roster', period, program: 'dibao' })).rows.map((r) => r.values.at(-1));
    expect(await paid('2027-02')).toEqual(['']);
    t.clock.set('2027-10-01T09:00:00+08:00');
    await signInAgain(t);
    expect([await paid('2027-03'), await paid('2027-08'), await paid('2027-09')]).toEqual([['渐退期'], ['渐退期'], []]);
  });
});

describe('changes of an enrollment', () => {
  it('changes the head after a death and the amount, never recomputing it silently', async () => {
    const t = await county();
    const { id, family } = await confirmedDibao(t);
    const enrollmentId = (await t.call(t.reviewer, 'cases.get', { id })).enrollmentId!;
    const head = family.detail.members.find((m) => m.relation === 'self')!;
    const wife = family.detail.members.find((m) => m.relation === 'spouse')!;
    // A new standard does not move the confirmed amount.
    await t.call(t.admin, 'standards.save', { item: 'dibao_rural', amountFen: 70000, effectiveFrom: '2026-02-01', note: '提标' });
    expect((await t.call(t.eastA, 'households.get', { id: family.id })).enrollments[0]!.monthlyAmountFen).toBe(140000);

    const bad = await t.failure(t.eastA, 'cases.start', { kind: 'enrollment_change', householdId: family.id, enrollmentId, changeType: 'head_death', deceasedPersonId: wife.id, newHeadPersonId: head.id, newAmountFen: 100000, reason: '户主死亡' });
    expect(bad.message).toBe('请选择已死亡的户主');
    const change = await t.call(t.eastA, 'cases.start', { kind: 'enrollment_change', householdId: family.id, enrollmentId, changeType: 'head_death', deceasedPersonId: head.id, newHeadPersonId: wife.id, newAmountFen: 110000, reason: '户主因病去世，家庭人口减少' });
    await act(t, t.eastA, change.id, 'complete', '核实死亡证明', { visitDate: '2026-02-17' });
    await act(t, t.eastA, change.id, 'pass', '同意变更');
    await act(t, t.reviewer, change.id, 'confirm', '确认变更');
    const household = await t.call(t.eastA, 'households.get', { id: family.id });
    expect(household.headPersonId).toBe(wife.id);
    expect(household.enrollments[0]!.monthlyAmountFen).toBe(110000);
    expect(household.enrollments[0]!.personIds).not.toContain(head.id);
    const timeline = await t.call(t.eastA, 'households.timeline', { id: family.id });
    expect(timeline.map((e) => e.summary)).toContain('户主死亡，变更户主');
    // Reports read the history: the old amount and members this month, the new ones from next month.
    t.clock.set('2026-04-01T09:00:00+08:00');
    await signInAgain(t);
    const roster = (period: string) => paidFor(t, period);
    expect([household.enrollments[0]!.startMonth, await roster('2026-02'), await roster('2026-03')]).toEqual(['2026-03', [], [[household.enrollments[0]!.personIds.length, 110000]]]);
  });
});

describe('增减保障人口', () => {
  it('takes a member off the enrollment through the change workflow, and the payment roster counts the rest from the effective month', async () => {
    const t = await county();
    const { family } = await confirmedDibao(t);
    // Paid for four from March; the change comes in March.
    t.clock.set('2026-03-10T09:00:00+08:00');
    await signInAgain(t);
    const enrollment = (await t.call(t.eastA, 'households.get', { id: family.id })).enrollments[0]!;
    expect(enrollment.personIds).toHaveLength(4);
    const child = family.detail.members.find((m) => m.relation !== 'self' && m.relation !== 'spouse')!;
    const start = (personIds: string[]) => ({ kind: 'enrollment_change' as const, householdId: family.id, enrollmentId: enrollment.id, changeType: 'members' as const, personIds, newAmountFen: 90000, reason: '子女外出务工，户籍迁出' });
    expect((await t.failure(t.eastA, 'cases.start', start(enrollment.personIds))).message).toBe('保障人员没有变化；只变金额请选择增发或减发');
    expect((await t.failure(t.eastA, 'cases.start', start([]))).message).toBe('请至少保留一名保障人员；全户不再保障请发起停保');
    const rest = enrollment.personIds.filter((p) => p !== child.id);
    const change = await t.call(t.eastA, 'cases.start', start(rest));
    const opened = await t.call(t.eastA, 'cases.get', { id: change.id });
    expect(opened.application).toEqual(expect.arrayContaining([{ label: '变更类型', value: '增减保障人口' }, { label: '减少保障人员', value: child.name }]));
    // Until it is confirmed, the enrollment covers all four.
    expect((await t.call(t.eastA, 'households.get', { id: family.id })).enrollments[0]!.personIds).toHaveLength(4);
    await act(t, t.eastA, change.id, 'complete', '核实户籍迁出证明', { visitDate: '2026-03-10' });
    await act(t, t.eastA, change.id, 'pass', '同意变更');
    await act(t, t.reviewer, change.id, 'confirm', '确认变更');
    const after = (await t.call(t.eastA, 'households.get', { id: family.id })).enrollments[0]!;
    expect([[...after.personIds].sort(), after.monthlyAmountFen]).toEqual([[...rest].sort(), 90000]);

    t.clock.set('2026-05-01T09:00:00+08:00');
    await signInAgain(t);
    const roster = (period: string) => paidFor(t, period);
    expect([await roster('2026-03'), await roster('2026-04')]).toEqual([[[4, 140000]], [[3, 90000]]]);
  });

  it('is not a change of a person program: a 特困 enrollment covers one person and has no head to replace', async () => {
    const t = await county();
    const family = await registerFamily(t, t.eastA);
    const head = family.detail.members.find((m) => m.relation === 'self')!;
    const enrollmentId = (await t.call(t.admin, 'enrollments.createInitial', { householdId: family.id, program: 'tekun', personIds: [head.id], category: 'home', startMonth: '2026-01', monthlyAmountFen: 108000, reason: '建账录入' })).id;
    const on = { kind: 'enrollment_change' as const, householdId: family.id, enrollmentId, newAmountFen: 120000, reason: '户内人员变化' };
    const others = family.detail.members.filter((m) => m.id !== head.id).map((m) => m.id);
    const members = await t.failure(t.eastA, 'cases.start', { ...on, changeType: 'members', personIds: [head.id, ...others] });
    expect([members.code, members.message]).toEqual(['VALIDATION', '特困按人保障，不适用“增减保障人口”']);
    const death = await t.failure(t.eastA, 'cases.start', { ...on, changeType: 'head_death', deceasedPersonId: head.id, newHeadPersonId: others[0] });
    expect(death.message).toBe('特困按人保障，不适用“户主死亡变更”');
    // What does apply is started as usual.
    expect((await t.call(t.eastA, 'cases.start', { ...on, changeType: 'increase' })).caseNo).toMatch(/^2026-\d{5}$/);
  });
});

describe('workflow settings of the county', () => {
  it('refuses edits the definition does not allow, and a raised township limit lets the township approve', async () => {
    const t = await county();
    const roles = await t.failure(t.admin, 'workflows.save', { kind: 'dibao_new', overrides: { steps: { county_confirmation: { roles: ['township_clerk'] } } } });
    expect(roles.message).toBe('“县级审核确认”是县级环节，乡镇经办员不能办理；如需由乡镇确认，请开启“审核确认权限下放”');
    const mandatory = await t.failure(t.admin, 'workflows.save', { kind: 'dibao_new', overrides: { steps: { public_notice: { enabled: false } } } });
    expect(mandatory.message).toBe('“公示”是必经环节，不能关闭');
    const delegation = await t.failure(t.admin, 'workflows.save', { kind: 'linshi_expense', overrides: { delegated: true } });
    expect(delegation.message).toBe('“临时救助（支出型）”没有可下放的审核确认环节');
    expect((await t.failure(t.reviewer, 'workflows.save', { kind: 'dibao_new', overrides: {} })).code).toBe('FORBIDDEN');

    const policy = (await t.call(t.admin, 'workflows.list', {})).policy;
    await t.call(t.admin, 'workflows.savePolicy', { ...policy, linshiTownshipLimitFen: 500000 });
    const family = await registerFamily(t, t.eastA);
    const { id } = await t.call(t.eastA, 'cases.start', { kind: 'linshi_expense', householdId: family.id, reason: '住院自付费用高', requestedAmountFen: 300000 });
    await act(t, t.eastA, id, 'complete', '核实住院发票', { visitDate: '2026-02-10' });
    await act(t, t.eastB, id, 'approve', '乡镇审批同意 3000 元');
    expect((await t.call(t.eastB, 'cases.get', { id })).outcome).toBe('approved');
  });

  it('keeps a running case on the rules it was opened under', async () => {
    const t = await county();
    const { id } = await dibaoToNotice(t);
    await t.call(t.admin, 'workflows.save', { kind: 'dibao_new', overrides: { steps: { public_notice: { deadline: { days: 10, unit: 'calendar' } } } } });
    const c = await t.call(t.eastA, 'cases.get', { id });
    expect(c.definition.steps.find((s) => s.id === 'public_notice')!.deadline).toEqual({ days: 7, unit: 'calendar' });
    await laterDays(t, 7);
    await act(t, t.eastA, id, 'no_objection', '公示 7 天无异议');
  });
});
