import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from './official-calendar';
import { WorkCalendar } from './work-calendar';
import { DEFAULT_WORKFLOWS, DIBAO_NEW, dueDate, nextOf, refusal, stepOf, type Participant } from './workflow';

const calendar = new WorkCalendar(OFFICIAL_CALENDAR.map(([date, kind, name]) => ({ date, kind, name })));
const townshipClerk: Participant = { userId: 'u1', role: 'township_clerk', townshipId: 'T1' };
const otherTownship: Participant = { userId: 'u2', role: 'township_clerk', townshipId: 'T2' };
const reviewer: Participant = { userId: 'u3', role: 'county_reviewer', townshipId: null };

describe('workflow definitions', () => {
  it('lead every action to a defined step or an end, and every step is reachable from intake', () => {
    for (const def of DEFAULT_WORKFLOWS) {
      const ids = new Set(def.steps.map((s) => s.id));
      const reached = new Set([def.steps[0]!.id]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const s of def.steps.filter((x) => reached.has(x.id))) {
          for (const a of s.actions) {
            expect(ids.has(a.to) || a.to === 'approved' || a.to === 'rejected').toBe(true);
            if (ids.has(a.to) && !reached.has(a.to)) {
              reached.add(a.to);
              changed = true;
            }
          }
        }
      }
      expect([...reached].sort()).toEqual([...ids].sort());
    }
  });

  it('sends an objection during the notice back to the investigation', () => {
    expect(nextOf(DIBAO_NEW, 'public_notice', 'objection')).toBe('investigation');
    expect(nextOf(DIBAO_NEW, 'county_confirmation', 'confirm')).toBe('approved');
  });
});

describe('who may act', () => {
  it('allows the township clerk of the case township on township steps, and nobody else there', () => {
    expect(refusal(DIBAO_NEW, 'intake', 'accept', townshipClerk, 'T1', [])).toBeNull();
    expect(refusal(DIBAO_NEW, 'intake', 'accept', otherTownship, 'T1', [])).toBe('只能办理本乡镇（街道）的案件');
    expect(refusal(DIBAO_NEW, 'intake', 'accept', reviewer, 'T1', [])).toBe('“受理”环节不由您的角色办理');
  });

  it('refuses transitions the definition lacks', () => {
    expect(refusal(DIBAO_NEW, 'intake', 'confirm', townshipClerk, 'T1', [])).toBe('“受理”环节没有这项操作');
    expect(refusal(DIBAO_NEW, 'approved', 'confirm', reviewer, 'T1', [])).toBe('案件已办结或环节不存在');
  });

  it('never lets whoever recorded a step confirm the case', () => {
    const history = [{ step: 'intake', userId: 'u9' }, { step: 'investigation', userId: 'u3' }];
    const countyClerkWhoInvestigated: Participant = { userId: 'u3', role: 'county_reviewer', townshipId: null };
    expect(refusal(DIBAO_NEW, 'county_confirmation', 'confirm', countyClerkWhoInvestigated, 'T1', history)).toBe('办理过前面环节的人员不能审核确认同一案件');
    expect(refusal(DIBAO_NEW, 'county_confirmation', 'confirm', { ...reviewer, userId: 'u4' }, 'T1', history)).toBeNull();
  });
});

describe('deadlines', () => {
  it('counts working days through the Spring Festival and calendar days for the notice', () => {
    // A file reaching the county on Tuesday 10 February 2026: 10 working days run to 2 March.
    expect(dueDate(stepOf(DIBAO_NEW, 'county_confirmation').deadline!, '2026-02-10', calendar)).toBe('2026-03-02');
    // The notice runs 7 calendar days, holidays or not.
    expect(dueDate(stepOf(DIBAO_NEW, 'public_notice').deadline!, '2026-02-12', calendar)).toBe('2026-02-19');
    // The whole case: 30 working days from an intake just before National Day 2025.
    // 28, 29, 30 Sep; 9, 10, 11 Oct (调休); then 24 weekdays: 13 November.
    expect(dueDate(DIBAO_NEW.whole, '2025-09-26', calendar)).toBe('2025-11-13');
  });
});
