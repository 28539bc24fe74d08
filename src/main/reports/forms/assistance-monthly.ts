/**
 * 社会救助情况统计表 (monthly or quarterly): by township, 城市/农村低保, 特困 by 集中/分散 × 城/乡, 临时救助,
 * 流浪乞讨救助 (rescues admitted, in the township where the person was found), 孤儿 and 事实无人抚养儿童,
 * 高龄津贴 by band, and the period's spending against the period before (环比).
 */
import type { GaolingBand, Program } from '../../../shared/domain/programs';
import type { ColumnDef, FactDims, Measure } from '../form-engine';

const of =
  (program: Program, also?: (d: FactDims) => boolean) =>
  (d: FactDims) =>
    d.program === program && (also ? also(d) : true);

/** The band by age at the month's end, not the band stored when enrolled: people grow older. */
const band = (b: GaolingBand) => (d: FactDims) => d.band === b;

function col(key: string, group: string | null, label: string, unit: ColumnDef['unit'], measure: Measure): ColumnDef {
  return { key, label, group, unit, additive: true, drillable: true, measures: [measure] };
}

function dibao(prefix: string, group: string, category: 'urban' | 'rural'): ColumnDef[] {
  const match = of('dibao', (d) => (d.category ?? d.hukou) === category);
  return [
    col(`${prefix}_households`, group, '户数', 'households', { source: 'paid', count: 'households', match }),
    col(`${prefix}_persons`, group, '人数', 'persons', { source: 'paid', count: 'persons', match }),
    col(`${prefix}_new`, group, '新增户数', 'households', { source: 'new', count: 'households', match }),
    col(`${prefix}_exited`, group, '退出户数', 'households', { source: 'stopped', count: 'households', match }),
    col(`${prefix}_spending`, group, '支出', 'fen', { source: 'paid', count: 'amount', match }),
  ];
}

const tekun = (care: 'institution' | 'home', hukou: 'urban' | 'rural') => of('tekun', (d) => (d.category ?? 'home') === care && d.hukou === hukou);

/** Every spending column of the form: what 本期支出 adds up. */
const SPENDING: Measure[] = [
  { source: 'paid', count: 'amount', match: (d) => ['dibao', 'tekun', 'orphan', 'de_facto_orphan', 'gaoling'].includes(d.program) },
  { source: 'relief', count: 'amount' },
];

const momPercent = (cells: Map<string, number | null>) => {
  const now = cells.get('spending_total') ?? 0;
  const before = cells.get('spending_previous') ?? 0;
  return before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10;
};

export const ASSISTANCE_COLUMNS: ColumnDef[] = [
  ...dibao('dibao_urban', '城市低保', 'urban'),
  ...dibao('dibao_rural', '农村低保', 'rural'),
  col('tekun_inst_urban', '特困人员', '集中供养（城市）', 'persons', { source: 'paid', count: 'persons', match: tekun('institution', 'urban') }),
  col('tekun_inst_rural', '特困人员', '集中供养（农村）', 'persons', { source: 'paid', count: 'persons', match: tekun('institution', 'rural') }),
  col('tekun_home_urban', '特困人员', '分散供养（城市）', 'persons', { source: 'paid', count: 'persons', match: tekun('home', 'urban') }),
  col('tekun_home_rural', '特困人员', '分散供养（农村）', 'persons', { source: 'paid', count: 'persons', match: tekun('home', 'rural') }),
  col('tekun_spending', '特困人员', '支出', 'fen', { source: 'paid', count: 'amount', match: of('tekun') }),
  col('linshi_cases', '临时救助', '人次', 'cases', { source: 'relief', count: 'cases' }),
  col('linshi_amount', '临时救助', '金额', 'fen', { source: 'relief', count: 'amount' }),
  col('vagrant_cases', '流浪乞讨救助', '人次', 'cases', { source: 'vagrant', count: 'cases' }),
  col('orphan_persons', '孤儿', '人数', 'persons', { source: 'paid', count: 'persons', match: of('orphan') }),
  col('orphan_spending', '孤儿', '支出', 'fen', { source: 'paid', count: 'amount', match: of('orphan') }),
  col('defacto_persons', '事实无人抚养儿童', '人数', 'persons', { source: 'paid', count: 'persons', match: of('de_facto_orphan') }),
  col('defacto_spending', '事实无人抚养儿童', '支出', 'fen', { source: 'paid', count: 'amount', match: of('de_facto_orphan') }),
  col('gaoling_80', '高龄津贴', '80–89岁', 'persons', { source: 'paid', count: 'persons', match: of('gaoling', band('80')) }),
  col('gaoling_90', '高龄津贴', '90–99岁', 'persons', { source: 'paid', count: 'persons', match: of('gaoling', band('90')) }),
  col('gaoling_100', '高龄津贴', '100岁及以上', 'persons', { source: 'paid', count: 'persons', match: of('gaoling', band('100')) }),
  col('gaoling_amount', '高龄津贴', '金额', 'fen', { source: 'paid', count: 'amount', match: of('gaoling') }),
  { key: 'spending_total', group: '资金支出合计', label: '本期', unit: 'fen', additive: true, drillable: true, measures: SPENDING },
  { key: 'spending_previous', group: '资金支出合计', label: '上期', unit: 'fen', additive: true, drillable: true, measures: SPENDING, previous: true },
  { key: 'spending_mom', group: '资金支出合计', label: '环比（%）', unit: 'percent', additive: false, drillable: false, derived: momPercent },
];
