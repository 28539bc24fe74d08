/**
 * A submitted (上报) period shows its frozen values; where the ledger has since been corrected, the cells
 * that now differ are listed, so nobody mistakes the frozen figure for today's.
 */
import { Alert, Table, type TableColumnsType } from 'antd';
import type { ReportColumn, ReportDifference, ReportResult } from '../../../shared/api/reports.schemas';
import { formatDateTime } from '../../app/format';
import { formatCell, type CellValue } from './format-cell';

type Row = ReportDifference & { seq: number };

function differenceColumns(unitOf: (columnKey: string) => ReportColumn['unit']): TableColumnsType<Row> {
  const show = (value: CellValue, row: Row) => formatCell(value, unitOf(row.columnKey));
  return [
    { title: '行', dataIndex: 'rowLabel', width: 160 },
    { title: '栏目', dataIndex: 'columnLabel', width: 200 },
    { title: '上报数', dataIndex: 'submitted', width: 130, align: 'right', render: show },
    { title: '台账当前数', dataIndex: 'current', width: 130, align: 'right', render: show },
  ];
}

export function SnapshotBanner({ result }: { result: ReportResult }) {
  const { snapshot, differences } = result;
  if (!snapshot) return null;
  const unitOf = (key: string) => result.columns.find((c) => c.key === key)?.unit ?? 'text';
  const rows = differences.map((d, seq) => ({ ...d, seq }));
  return (
    <div className="report-snapshot">
      <Alert
        type="info"
        showIcon
        data-testid="report-frozen"
        title={`已于 ${formatDateTime(snapshot.submittedAt)} 由 ${snapshot.submittedBy} 上报，数据已冻结`}
        description="表中为上报时的数字；此后台账中的更正不改变本期报表，只在下方列为差异。"
      />
      {rows.length > 0 && (
        <>
          <Alert type="warning" showIcon className="report-differences-alert" title={`上报后台账有 ${rows.length} 处更正，与上报数不一致：`} />
          <Table<Row>
            className="report-differences"
            rowKey="seq"
            size="small"
            columns={differenceColumns(unitOf)}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 620 }}
          />
        </>
      )}
    </div>
  );
}
