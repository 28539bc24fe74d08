import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from '../official-calendar';
import { WorkCalendar } from '../work-calendar';
import { DEFAULT_WORKFLOWS, DIBAO_NEW, LINSHI_EXPENSE } from './definitions';
import { applyOverrides, dueDate, refusal, stepOf, transition, type ActionContext, type CaseState, type Participant } from './rules';
import { CLOSED } from './types';

const calendar = new WorkCalendar(OFFICIAL_CALENDAR.map(([date, kind, name]) => ({ date, kind, name })));
const ctx: ActionContext = { today: '2026-03-02', calendar, townshipLimitFen: 200000 };
const clerk: Participant = { userId: 'u1', role: 'township_clerk', townshipId: 'T1' };
const otherTownship: Participant = { userId: 'u2', role: 'township_clerk', townshipId: 'T2' };
const reviewer: Participant = { userId: 'u3', role: 'county_reviewer', townshipId: null };
const at = (step: string, extra: Partial<CaseState> = {}): CaseState => ({ step, townshipId: 'T1', stepSince: '2026-02-02', actors: ['u1'], amountFen: 50000, ...extra });

describe('workflow definitions', () => {
  it('lead every action to a defined step or the end, and reach every step from the first', () => {
    for (const def of Object.values(DEFAULT_WORKFLOWS)) {
      const ids = new Set(def.steps.map((s) => s.id));
      const reached = new Set([def.steps[0]!.id]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const s of def.steps.filter((x) => reached.has(x.id))) {
          for (const a of s.actions) {
            for (const to of [a.to, a.toIfEnding].filter((t): t is string => !!t)) {
              expect(ids.has(to) || to === CLOSED, `${def.kind}/${s.id}/${a.id} -> ${to}`).toBe(true);
              if (ids.has(to) && !reached.has(to)) {
                reached.add(to);
                changed = true;
              }
            }
          }
        }
      }
      expect([...reached].sort(), def.kind).toEqual([...ids].sort());
    }
  });

  it('sends an objection during the notice back to the investigation and skips the community review unless switched on', () => {
    expect(transition(DIBAO_NEW, 'public_notice', 'objection', false)).toEqual({ next: 'investigation', outcome: undefined });
    expect(transition(DIBAO_NEW, 'initial_review', 'pass', false).next).toBe('public_notice');
    const withReview = applyOverrides(DIBAO_NEW, { steps: { democratic_review: { enabled: true } } });
    expect(transition(withReview, 'initial_review', 'pass', false).next).toBe('democratic_review');
    expect(transition(DIBAO_NEW, 'county_confirmation', 'confirm', false)).toEqual({ next: CLOSED, outcome: 'approved' });
    expect(transition(DIBAO_NEW, 'county_confirmation', 'reject', false)).toEqual({ next: 'rejection_notice', outcome: 'rejected' });
  });

  it('hands confirmation to the township when the county delegates it', () => {
    const delegated = applyOverrides(DIBAO_NEW, { delegated: true });
    expect(delegated.delegated).toBe(true);
    expect(stepOf(delegated, 'county_confirmation').level).toBe('township');
    const colleague: Participant = { userId: 'u5', role: 'township_clerk', townshipId: 'T1' };
    expect(refusal(delegated, at('county_confirmation'), 'confirm', colleague, ctx)).toBeNull();
    expect(refusal(delegated, at('county_confirmation'), 'confirm', clerk, ctx)).toEqual({ code: 'FORBIDDEN', message: '办理过本案前面环节的人员不能审核确认同一案件' });
    expect(refusal(DIBAO_NEW, at('county_confirmation'), 'confirm', colleague, ctx)).toEqual({ code: 'FORBIDDEN', message: '“县级审核确认”环节不由您的角色办理' });
  });
});

describe('who may act', () => {
  it('allows the township clerk of the case township on township steps, and nobody else there', () => {
    expect(refusal(DIBAO_NEW, at('intake'), 'accept', clerk, ctx)).toBeNull();
    expect(refusal(DIBAO_NEW, at('intake'), 'accept', otherTownship, ctx)).toEqual({ code: 'FORBIDDEN', message: '只能办理本乡镇（街道）的案件' });
    expect(refusal(DIBAO_NEW, at('intake'), 'accept', reviewer, ctx)).toEqual({ code: 'FORBIDDEN', message: '“受理”环节不由您的角色办理' });
  });

  it('refuses transitions the definition lacks, and closed cases', () => {
    expect(refusal(DIBAO_NEW, at('intake'), 'confirm', clerk, ctx)).toEqual({ code: 'CONFLICT', message: '“受理”环节没有这项操作' });
    expect(refusal(DIBAO_NEW, at('intake', { step: null }), 'confirm', reviewer, ctx)).toEqual({ code: 'CONFLICT', message: '案件已办结，不能再办理' });
  });

  it('never lets whoever acted earlier confirm the case', () => {
    expect(refusal(DIBAO_NEW, at('county_confirmation', { actors: ['u1', 'u3'] }), 'confirm', reviewer, ctx)).toEqual({ code: 'FORBIDDEN', message: '办理过本案前面环节的人员不能审核确认同一案件' });
    expect(refusal(DIBAO_NEW, at('county_confirmation', { actors: ['u1'] }), 'confirm', reviewer, ctx)).toBeNull();
  });

  it('lets the notice end only after its 7 days, while an objection may come any day', () => {
    const notice = at('public_notice', { stepSince: '2026-02-24' });
    expect(refusal(DIBAO_NEW, notice, 'no_objection', clerk, ctx)).toEqual({ code: 'CONFLICT', message: '公示期至 2026-03-03，期满后才能办理“公示期满无异议，报县级审核确认”' });
    expect(refusal(DIBAO_NEW, notice, 'objection', clerk, ctx)).toBeNull();
    expect(refusal(DIBAO_NEW, notice, 'no_objection', clerk, { ...ctx, today: '2026-03-03' })).toBeNull();
  });

  it('sends amounts above the township limit to the county', () => {
    const big = at('township_approval', { amountFen: 300000, actors: ['u9'] });
    expect(refusal(LINSHI_EXPENSE, big, 'approve', clerk, ctx)).toEqual({ code: 'CONFLICT', message: '救助金额 3,000.00 元超过乡镇审批权限（2,000.00 元），请报县级审批' });
    expect(refusal(LINSHI_EXPENSE, big, 'refer', clerk, ctx)).toBeNull();
    expect(refusal(LINSHI_EXPENSE, { ...big, amountFen: 150000 }, 'approve', clerk, ctx)).toBeNull();
  });
});

describe('deadlines', () => {
  it('counts working days through the Spring Festival and calendar days for the notice', () => {
    // A file reaching the county on Tuesday 10 February 2026: 10 working days run to 2 March.
    expect(dueDate(stepOf(DIBAO_NEW, 'county_confirmation').deadline!, '2026-02-10', calendar)).toBe('2026-03-02');
    expect(dueDate(stepOf(DIBAO_NEW, 'public_notice').deadline!, '2026-02-12', calendar)).toBe('2026-02-19');
    // The whole case: 30 working days from an intake just before National Day 2025.
    // 28, 29, 30 Sep; 9, 10, 11 Oct (调休); then 24 weekdays: 13 November.
    expect(dueDate(DIBAO_NEW.whole, '2025-09-26', calendar)).toBe('2025-11-13');
    expect(dueDate(DIBAO_NEW.extended!, '2025-09-26', calendar)).toBe('2025-12-04');
  });
});
