/** The files of a care ledger (children, elders), a page at a time with the page in the address; a row opens the file. */
import { Table, type TableColumnsType } from 'antd';
import { tablePagination, type Paged } from '../../app/address-query';
import { openOnClick } from '../open-on-click';

interface Props<T extends { personId: string }> {
  columns: TableColumnsType<T>;
  /** The page read, once it is. */
  page: { rows: T[]; total: number } | undefined;
  loading: boolean;
  query: Paged;
  update: (patch: Partial<Paged>) => void;
  emptyText: string;
  onOpen: (personId: string) => void;
}

export function FileListTable<T extends { personId: string }>({ columns, page, loading, query, update, emptyText, onOpen }: Props<T>) {
  return (
    <Table<T>
      rowKey="personId"
      size="middle"
      columns={columns}
      dataSource={page?.rows ?? []}
      loading={loading}
      pagination={tablePagination(query, page?.total, update)}
      rowClassName="clickable-row"
      onRow={openOnClick((row) => onOpen(row.personId))}
      scroll={{ x: 1100 }}
      locale={{ emptyText }}
    />
  );
}
