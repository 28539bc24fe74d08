/** The form on screen: the two-level header from the columns' groups, the rows, and 合计 held at the bottom. */
import { Table, type TableColumnType, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { ReportColumn, ReportResult, ReportRow } from '../../../shared/api/reports.schemas';
import { rowHeader } from '../../../shared/domain/reports/layout';
import { groupColumns, type IndexedColumn } from './column-groups';
import { isNumericUnit } from './format-cell';
import { ReportCell, TOTAL_ROW_KEY, type DrillTarget } from './ReportCell';

/** Above this many rows (a big roster) the table pages; 合计 stays the whole form's. */
const PAGE_SIZE = 100;
const LABEL_WIDTH = 150;

function widthOf(column: ReportColumn): number {
  if (column.unit === 'text') return 160;
  return column.unit === 'fen' ? 130 : 96;
}

interface Props {
  result: ReportResult;
  onDrill: (target: DrillTarget) => void;
}

export function ReportTable({ result, onDrill }: Props) {
  const { columns, rows, total } = result;

  const tableColumns = useMemo<TableColumnsType<ReportRow>>(() => {
    const leaf = ({ column, index }: IndexedColumn): TableColumnType<ReportRow> => ({
      key: column.key,
      title: column.label,
      width: widthOf(column),
      align: isNumericUnit(column.unit) ? 'right' : 'left',
      className: isNumericUnit(column.unit) ? 'report-num' : undefined,
      render: (_: unknown, row: ReportRow) => <ReportCell value={row.values[index] ?? null} column={column} rowKey={row.key} rowLabel={row.label} onDrill={onDrill} />,
    });
    const label: TableColumnType<ReportRow> = { key: '__label', title: rowHeader(result.form, result.program), dataIndex: 'label', width: LABEL_WIDTH, fixed: 'left' };
    const body = groupColumns(columns).flatMap((segment) =>
      segment.group === null ? segment.columns.map(leaf) : [{ key: `group-${segment.columns[0]!.column.key}`, title: segment.group, children: segment.columns.map(leaf) }],
    );
    return [label, ...body];
  }, [columns, result, onDrill]);

  const scrollX = LABEL_WIDTH + columns.reduce((sum, c) => sum + widthOf(c), 0);

  return (
    <Table<ReportRow>
      className="report-table"
      rowKey="key"
      size="small"
      bordered
      columns={tableColumns}
      dataSource={rows}
      pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, showTotal: (n) => `共 ${n} 行` } : false}
      scroll={{ x: scrollX }}
      locale={{ emptyText: '本期没有数据' }}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row className="report-total-row" data-testid="report-total-row">
            <Table.Summary.Cell index={0}>{total.label}</Table.Summary.Cell>
            {columns.map((column, i) => (
              <Table.Summary.Cell key={column.key} index={i + 1} align={isNumericUnit(column.unit) ? 'right' : 'left'} className={isNumericUnit(column.unit) ? 'report-num' : undefined}>
                <ReportCell value={total.values[i] ?? null} column={column} rowKey={TOTAL_ROW_KEY} rowLabel={total.label} onDrill={onDrill} />
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
