/** One list of care files falling due (已逾期 or 近期待访); the rows are the most urgent when the list is long. A row opens the file. */
import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { openOnClick } from '../open-on-click';
import { ListSection } from './ListSection';

interface Props<T extends { personId: string }> {
  title: string;
  color: string;
  rows: T[];
  columns: TableColumnsType<T>;
  /** How many there are in all. */
  total: number;
  loading: boolean;
  empty: string;
  /** The list where all of them can be filtered by due state (儿童台账, 特殊困难老年人). */
  fullList: string;
  onOpen: (personId: string) => void;
}

export function DueSection<T extends { personId: string }>({ title, color, rows, columns, total, loading, empty, fullList, onOpen }: Props<T>) {
  return (
    <ListSection
      title={title}
      count={<Tag color={total > 0 ? color : undefined}>{total} 人</Tag>}
      note={total > rows.length && <Typography.Text type="secondary">此处列出最紧急的 {rows.length} 人，全部可在“{fullList}”中按探访状态筛选</Typography.Text>}
    >
      <Table<T>
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName="clickable-row"
        onRow={openOnClick((row) => onOpen(row.personId))}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      />
    </ListSection>
  );
}
