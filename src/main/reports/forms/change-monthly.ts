/** 保障对象变动情况表: 新增 / 停保 / 增发 / 减发 — households, persons and amount — by township. */
import type { ColumnDef, Measure, Source } from '../form-engine';

const GROUPS: [Source, string][] = [
  ['new', '新增'],
  ['stopped', '停保'],
  ['increased', '增发'],
  ['decreased', '减发'],
];

export function changeColumns(match?: Measure['match']): ColumnDef[] {
  return GROUPS.flatMap(([source, group]) => [
    { key: `${source}_households`, group, label: '户数', unit: 'households' as const, additive: true, drillable: true, measures: [{ source, count: 'households' as const, match }] },
    { key: `${source}_persons`, group, label: '人数', unit: 'persons' as const, additive: true, drillable: true, measures: [{ source, count: 'persons' as const, match }] },
    {
      key: `${source}_amount`,
      group,
      label: source === 'increased' ? '增发金额' : source === 'decreased' ? '减发金额' : '月金额',
      unit: 'fen' as const,
      additive: true,
      drillable: true,
      measures: [{ source, count: source === 'increased' || source === 'decreased' ? ('delta' as const) : ('amount' as const), match }],
    },
  ]);
}
