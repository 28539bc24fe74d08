/**
 * The amount a case proposes, with the lines that explain it. Computed when the application or the
 * investigation records new facts; the confirming step takes the stored amount as it was published and
 * never recomputes it (a later change goes through a change case).
 */
import { ageOn } from '../../shared/domain/dates';
import { formatYuan } from '../../shared/domain/money';
import { gaolingBand } from '../../shared/domain/programs';
import type { SelfCareLevel } from '../../shared/domain/person-attributes';
import { SELF_CARE_LEVELS } from '../../shared/domain/person-attributes';
import { dibaoAmount, tekunItems } from '../../shared/domain/workflow/amounts';
import type { CaseKind } from '../../shared/domain/workflow/types';
import type { Executor } from '../db/schema';
import { standardOn } from '../standards/standards.repository';
import type { CaseData } from './case-data';

export interface AmountFacts {
  kind: CaseKind;
  category: string | null;
  hukou: 'urban' | 'rural';
  /** The person concerned (特困, 高龄津贴). */
  person: { name: string; birth_date: string; self_care: string | null } | null;
  familySize: number;
  coveredCount: number;
  data: CaseData;
  /** Change cases and reviews: the enrollment's current amount. */
  currentAmountFen: number | null;
  /** The first month the amount would be paid. */
  startMonth: string;
  floorFen?: number;
}

export interface Proposal {
  amountFen: number | null;
  standardId: string | null;
  lines: string[];
  /** Set when the facts show the household does not qualify (income at or above the standard…). */
  ineligible?: string;
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

export async function proposeAmount(db: Executor, f: AmountFacts): Promise<Proposal> {
  const on = `${f.startMonth}-01`;
  switch (f.kind) {
    case 'dibao_new': {
      const item = f.category === 'urban' || f.category === 'rural' ? `dibao_${f.category}` : `dibao_${f.hukou}`;
      const standard = await standardOn(db, item, on);
      if (!standard) return { amountFen: null, standardId: null, lines: ['未设置低保标准'] };
      const size = f.data.familySize ?? f.familySize;
      if (f.data.monthlyIncomeFen === undefined) return { amountFen: null, standardId: standard.id, lines: [`低保标准 ${yuan(standard.amount_fen)}/人·月（${standard.effective_from} 起）`, '待调查核实家庭收入后计算'] };
      const a = dibaoAmount({ standardFen: standard.amount_fen, monthlyIncomeFen: f.data.monthlyIncomeFen, familySize: size, coveredCount: Math.min(f.coveredCount, size), floorFen: f.floorFen ?? 0 });
      const lines = [
        `低保标准 ${yuan(standard.amount_fen)}/人·月（${standard.effective_from} 起）`,
        `家庭月收入 ${yuan(f.data.monthlyIncomeFen)}，家庭人口 ${size} 人，人均月收入 ${yuan(a.perCapitaIncomeFen)}`,
      ];
      if (!a.eligible) return { amountFen: 0, standardId: standard.id, lines: [...lines, '人均月收入不低于低保标准，不符合条件'], ineligible: '家庭人均月收入不低于低保标准' };
      lines.push(`补差：（${formatYuan(standard.amount_fen)} − ${formatYuan(a.perCapitaIncomeFen)}）× ${f.coveredCount} 人 = ${yuan(a.amountFen)}/月${a.floored ? '（按保底金额）' : ''}`);
      return { amountFen: a.amountFen, standardId: standard.id, lines };
    }
    case 'tekun_new': {
      const level = (f.person?.self_care ?? 'full') as SelfCareLevel;
      const items = tekunItems(f.category === 'institution' ? 'institution' : 'home', f.hukou, level);
      const [basic, care] = [await standardOn(db, items.basic, on), await standardOn(db, items.care, on)];
      if (!basic || !care) return { amountFen: null, standardId: null, lines: ['未设置特困供养标准'] };
      const lines = [
        `基本生活标准 ${yuan(basic.amount_fen)}/月（${f.category === 'institution' ? '集中供养' : '分散供养'}）`,
        `照料护理标准 ${yuan(care.amount_fen)}/月（${SELF_CARE_LEVELS[level]}${f.person?.self_care ? '' : '，未登记自理能力，按全自理计'}）`,
        `合计 ${yuan(basic.amount_fen + care.amount_fen)}/月`,
      ];
      return { amountFen: basic.amount_fen + care.amount_fen, standardId: basic.id, lines };
    }
    case 'gaoling_new': {
      const age = f.person ? ageOn(f.person.birth_date, on) : 0;
      const band = gaolingBand(age);
      if (!band) return { amountFen: null, standardId: null, lines: [`${f.startMonth} 时年龄 ${age} 岁，未满 80 周岁`], ineligible: '未满 80 周岁' };
      const standard = await standardOn(db, `gaoling_${band}`, on);
      if (!standard) return { amountFen: null, standardId: null, lines: ['未设置高龄津贴标准'] };
      return { amountFen: standard.amount_fen, standardId: standard.id, lines: [`${age} 岁，${band} 岁档高龄津贴 ${yuan(standard.amount_fen)}/月`] };
    }
    case 'linshi_emergency':
    case 'linshi_expense': {
      const amount = f.data.requestedAmountFen ?? null;
      return { amountFen: amount, standardId: null, lines: amount === null ? [] : [`一次性救助 ${yuan(amount)}`] };
    }
    case 'adult_resettlement': {
      const amount = f.data.requestedAmountFen ?? null;
      return { amountFen: amount, standardId: null, lines: amount === null ? ['待乡镇审核时核定一次性安置补助'] : [`成年后安置一次性补助 ${yuan(amount)}`] };
    }
    case 'psych_care':
      return { amountFen: null, standardId: null, lines: [] };
    case 'enrollment_change': {
      const amount = f.data.newAmountFen ?? f.currentAmountFen;
      return { amountFen: amount, standardId: null, lines: [`原保障金额 ${yuan(f.currentAmountFen ?? 0)}/月`, `变更后 ${yuan(amount ?? 0)}/月`] };
    }
    case 'enrollment_stop':
      return { amountFen: 0, standardId: null, lines: [`原保障金额 ${yuan(f.currentAmountFen ?? 0)}/月，停保后不再发放`] };
    case 'periodic_review': {
      const current = f.currentAmountFen ?? 0;
      const result = f.data.reviewResult;
      if (result === 'adjust') return { amountFen: f.data.newAmountFen ?? current, standardId: null, lines: [`原保障金额 ${yuan(current)}/月`, `调整为 ${yuan(f.data.newAmountFen ?? current)}/月`] };
      if (result === 'stop') return { amountFen: 0, standardId: null, lines: [`原保障金额 ${yuan(current)}/月，停止保障`] };
      if (result === 'taper') return { amountFen: current, standardId: null, lines: [`按原金额 ${yuan(current)}/月渐退 ${f.data.taperMonths ?? 0} 个月后停止`] };
      return { amountFen: current, standardId: null, lines: [`保障金额 ${yuan(current)}/月`] };
    }
  }
}
