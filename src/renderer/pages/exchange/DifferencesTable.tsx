/** How the roster differs from the ledger, household by household, filterable by kind; the 差异清单 holds them all. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportDifference, ImportPreview } from '../../../shared/api/imports.schemas';
import { DIFFERENCE_LABELS, LISTED_DIFFERENCE_KINDS, type DifferenceKind } from '../../../shared/domain/import/differences';
import { formatYuan } from '../../../shared/domain/money';
import { useFileDelivery } from '../../api/useFileDelivery';
import { settingsOf } from './settings';

type Row = ImportDifference & { key: number };
type ListedKind = (typeof LISTED_DIFFERENCE_KINDS)[number];

const COLORS: Record<DifferenceKind, string> = { new: 'blue', changed: 'gold', unchanged: 'default', missing: 'red' };

const yuan = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

const columns: TableColumnsType<Row> = [
  { title: '类型', dataIndex: 'kind', width: 90, render: (kind: DifferenceKind) => <Tag color={COLORS[kind]}>{DIFFERENCE_LABELS[kind]}</Tag> },
  { title: '行', dataIndex: 'row', width: 70, render: (row: number | null) => row ?? '—' },
  { title: '户主', dataIndex: 'name', width: 120 },
  { title: '人数', dataIndex: 'persons', width: 70 },
  { title: '表中金额（元）', dataIndex: 'amountFen', width: 130, className: 'money-cell', render: yuan },
  { title: '台账金额（元）', dataIndex: 'ledgerAmountFen', width: 130, className: 'money-cell', render: yuan },
  { title: '说明', dataIndex: 'detail' },
];

export function DifferencesTable({ preview, stale }: { preview: ImportPreview; stale: boolean }) {
  const { differences, differenceCounts: counts } = preview;
  const [kind, setKind] = useState<ListedKind | undefined>(undefined);
  const download = useFileDelivery('imports.differencesWorkbook', (rows, where) => `已下载差异清单（${rows} 项）：${where}`);
  const keyed = useMemo(() => differences.map((d, key) => ({ ...d, key })), [differences]);
  const options = LISTED_DIFFERENCE_KINDS.filter((k) => counts[k] > 0).map((k) => ({ value: k, label: `${DIFFERENCE_LABELS[k]}（${counts[k]}）` }));
  // A filter for a kind the new preview no longer has shows everything again.
  const active = kind && counts[kind] > 0 ? kind : undefined;
  const rows = active ? keyed.filter((d) => d.kind === active) : keyed;
  const total = LISTED_DIFFERENCE_KINDS.reduce((n, k) => n + counts[k], 0);

  if (total === 0) return <Typography.Text type="secondary">与台账没有差异。</Typography.Text>;
  const of = active ? counts[active] : total;
  return (
    <>
      <div className="table-toolbar">
        <Select aria-label="按差异类型筛选" className="table-filter" allowClear placeholder="全部差异" value={active} onChange={(v: ListedKind | undefined) => setKind(v)} options={options} />
        <span className="table-count">{of > rows.length ? `共 ${of} 项，此处列出前 ${rows.length} 项，全部见差异清单` : `共 ${of} 项`}</span>
        <Button icon={<DownloadOutlined />} loading={download.busy} disabled={stale} onClick={() => void download.run(settingsOf(preview))}>
          下载差异清单
        </Button>
      </div>
      <Table<Row> size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 900 }} />
    </>
  );
}
