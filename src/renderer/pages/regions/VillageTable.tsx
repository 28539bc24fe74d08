import { Button, Table, type TableColumnsType } from 'antd';
import type { Village } from '../../../shared/api/contract';
import { VILLAGE_KIND_LABELS } from '../../../shared/labels';
import { StatusTag } from '../../components/StatusTag';

interface Props {
  villages: Village[];
  loading: boolean;
  canEdit: boolean;
  onEdit: (village: Village) => void;
}

export function VillageTable({ villages, loading, canEdit, onEdit }: Props) {
  const columns: TableColumnsType<Village> = [
    { title: '代码', dataIndex: 'code', width: 140, className: 'mono-cell' },
    { title: '名称', dataIndex: 'name', ellipsis: true },
    { title: '类型', dataIndex: 'kind', width: 76, render: (kind: Village['kind']) => VILLAGE_KIND_LABELS[kind] },
    { title: '状态', dataIndex: 'active', width: 76, render: (active: boolean) => <StatusTag active={active} on="启用" /> },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 72,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => onEdit(row)}>
          编辑
        </Button>
      ),
    });
  }
  return (
    <Table<Village>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={villages}
      loading={loading}
      pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: '该乡镇（街道）还没有村（社区）' }}
    />
  );
}
