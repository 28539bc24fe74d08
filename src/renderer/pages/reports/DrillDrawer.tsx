/**
 * 勾稽: the named rows behind one cell. Their values add up to the cell, and the drawer says so (or warns,
 * should they ever not). A name opens the household.
 */
import { Alert, Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { DrillRow, ReportRequest } from '../../../shared/api/reports.schemas';
import { useRead } from '../../api/queries';
import { columnTitle } from '../../../shared/domain/reports/layout';
import { formatCell, UNIT_NAMES, type ReportUnit } from './format-cell';
import type { DrillTarget } from './ReportCell';

const PAGE_SIZE = 100;

type Row = DrillRow & { seq: number };

function columnsFor(unit: ReportUnit): TableColumnsType<Row> {
  return [
    { title: '序号', dataIndex: 'seq', width: 60, align: 'right' },
    // A rescue record has no household to open: its 救助编号 is in 说明, to look up on 流浪救助.
    { title: '姓名', dataIndex: 'name', width: 100, render: (name: string, row) => (row.householdId ? <Link to={`/ledger/households/${row.householdId}`}>{name}</Link> : name) },
    { title: '身份证号码', dataIndex: 'idNumber', width: 180, className: 'mono-cell', render: (id: string | null) => id ?? '—' },
    { title: '乡镇（街道）', dataIndex: 'township', width: 110 },
    { title: '村（社区）', dataIndex: 'village', width: 110, render: (v: string | null) => v ?? '—' },
    { title: UNIT_NAMES[unit].header, dataIndex: 'value', width: 110, align: 'right', render: (v: number) => formatCell(v, unit) },
    { title: '说明', dataIndex: 'detail' },
  ];
}

interface Props {
  request: ReportRequest;
  target: DrillTarget | null;
  /** The period was submitted: its cells are frozen, while the rows are always the ledger's as it is now. */
  frozen: boolean;
  onClose: () => void;
}

export function DrillDrawer({ request, target, frozen, onClose }: Props) {
  const drill = useRead('reports.drill', { ...request, rowKey: target?.rowKey ?? '', columnKey: target?.column.key ?? '' }, { enabled: target !== null });
  const data = target ? drill.data : undefined;
  const unit = data?.unit ?? target?.column.unit ?? 'persons';
  const rows: Row[] = (data?.rows ?? []).map((r, i) => ({ ...r, seq: i + 1 }));
  const sum = rows.reduce((s, r) => s + r.value, 0);
  const cellText = target ? formatCell(target.value, target.column.unit) : '';
  const agrees = data !== undefined && target !== null && data.total === target.value && sum === data.total;
  const suffix = UNIT_NAMES[unit].suffix;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size="min(960px, 92vw)"
      title={target ? `${target.rowLabel} · ${columnTitle(target.column)}` : ''}
      destroyOnHidden
    >
      {data && (
        <div className="report-drill-body" data-testid="drill-result">
          <Typography.Text strong>{data.title}</Typography.Text>
          {agrees ? (
            <Alert
              type="success"
              showIcon
              className="report-drill-check"
              title={`共 ${rows.length} 条，合计 ${formatCell(data.total, unit)}${suffix}，与报表中该格（${cellText}）相等。`}
            />
          ) : frozen && sum === data.total ? (
            <Alert
              type="info"
              showIcon
              className="report-drill-check"
              title={`本期已上报冻结：明细按台账当前情况列出，共 ${rows.length} 条，合计 ${formatCell(data.total, unit)}${suffix}；上报数为 ${cellText}，差异见报表上方的差异表。`}
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              className="report-drill-check"
              title={`明细 ${rows.length} 条合计 ${formatCell(sum, unit)}${suffix}，报表中该格为 ${cellText}，两者不一致，请联系管理员核查。`}
            />
          )}
        </div>
      )}
      <Table<Row>
        rowKey="seq"
        size="small"
        columns={columnsFor(unit)}
        dataSource={rows}
        loading={drill.isFetching}
        pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: drill.isFetching ? '正在读取…' : '没有明细' }}
      />
    </Drawer>
  );
}
