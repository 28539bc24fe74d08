/** How the roster differs from the ledger, household by household. */
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { ImportDifference } from '../../../shared/api/imports.schemas';
import { formatYuan } from '../../../shared/domain/money';

type Row = ImportDifference & { key: number };

const KINDS: Record<ImportDifference['kind'], { label: string; color: string }> = {
  new: { label: '新增', color: 'blue' },
  changed: { label: '变更', color: 'gold' },
  unchanged: { label: '无变化', color: 'default' },
  missing: { label: '表中没有', color: 'red' },
};

const yuan = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

const columns: TableColumnsType<Row> = [
  { title: '类型', dataIndex: 'kind', width: 90, render: (kind: ImportDifference['kind']) => <Tag color={KINDS[kind].color}>{KINDS[kind].label}</Tag> },
  { title: '行', dataIndex: 'row', width: 70, render: (row: number | null) => row ?? '—' },
  { title: '户主', dataIndex: 'name', width: 120 },
  { title: '人数', dataIndex: 'persons', width: 70 },
  { title: '表中金额（元）', dataIndex: 'amountFen', width: 130, className: 'money-cell', render: yuan },
  { title: '台账金额（元）', dataIndex: 'ledgerAmountFen', width: 130, className: 'money-cell', render: yuan },
  { title: '说明', dataIndex: 'detail' },
];

export function DifferencesTable({ differences }: { differences: ImportDifference[] }) {
  const rows = useMemo(() => differences.map((d, key) => ({ ...d, key })), [differences]);
  if (rows.length === 0) return <Typography.Text type="secondary">与台账没有差异。</Typography.Text>;
  return <Table<Row> size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 900 }} />;
}
