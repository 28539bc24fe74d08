import { Button, Table, type TableColumnsType } from 'antd';
import type { Township } from '../../../shared/api/contract';
import { StatusTag } from '../../components/StatusTag';

interface Props {
  townships: Township[];
  loading: boolean;
  selectedId: string | null;
  canEdit: boolean;
  onSelect: (township: Township) => void;
  onEdit: (township: Township) => void;
}

export function TownshipTable({ townships, loading, selectedId, canEdit, onSelect, onEdit }: Props) {
  const columns: TableColumnsType<Township> = [
    { title: '代码', dataIndex: 'code', width: 110, className: 'mono-cell' },
    { title: '名称', dataIndex: 'name', ellipsis: true },
    { title: '村（社区）数', dataIndex: 'villageCount', width: 110, align: 'right' },
    { title: '状态', dataIndex: 'active', width: 76, render: (active: boolean) => <StatusTag active={active} on="启用" /> },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 72,
      render: (_: unknown, row) => (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            onEdit(row);
          }}
        >
          编辑
        </Button>
      ),
    });
  }
  return (
    <Table<Township>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={townships}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      rowClassName={(row) => (row.id === selectedId ? 'row-selected clickable-row' : 'clickable-row')}
      onRow={(row) => ({
        onClick: () => onSelect(row),
        onKeyDown: (e) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) onSelect(row);
        },
        tabIndex: 0,
        'aria-selected': row.id === selectedId,
      })}
      locale={{ emptyText: '还没有乡镇（街道）' }}
    />
  );
}
