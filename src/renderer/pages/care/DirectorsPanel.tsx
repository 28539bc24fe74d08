/** 儿童主任: the village (community) directors who visit the children; care workers and the administrator keep the list. */
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { ChildDirector } from '../../../shared/api/care.schemas';
import { useRead } from '../../api/queries';
import { ListToolbar } from '../../components/ListToolbar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { useEditing } from '../../components/use-editing';
import { DirectorModal } from './DirectorModal';

interface Props {
  townshipId: string | undefined;
  onTownship: (townshipId: string | undefined) => void;
  fixedTownshipId: string | null;
  canEdit: boolean;
}

function columnsFor(canEdit: boolean, edit: (d: ChildDirector) => void): TableColumnsType<ChildDirector> {
  const columns: TableColumnsType<ChildDirector> = [
    { title: '乡镇', dataIndex: 'townshipName', width: 120, ellipsis: true },
    { title: '村/社区', dataIndex: 'villageName', width: 140, ellipsis: true, render: (v: string | null) => v ?? <span className="muted">乡镇（街道）</span> },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '电话', dataIndex: 'phone', width: 140, className: 'mono-cell', render: (p: string | null) => p ?? '—' },
    { title: '状态', dataIndex: 'active', width: 80, render: (active: boolean) => (active ? <Tag color="green">在岗</Tag> : <Tag>停用</Tag>) },
    { title: '负责儿童数', dataIndex: 'childCount', width: 100, align: 'right' },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, d) => (
        <Button type="link" size="small" onClick={() => edit(d)} aria-label={`编辑 ${d.name}`}>
          编辑
        </Button>
      ),
    });
  }
  return columns;
}

export function DirectorsPanel({ townshipId, onTownship, fixedTownshipId, canEdit }: Props) {
  const shownTownship = fixedTownshipId ?? townshipId;
  const directors = useRead('care.directors.list', { townshipId: shownTownship }, { keepPrevious: true });
  const editing = useEditing<ChildDirector>();
  const rows = directors.data ?? [];

  return (
    <>
      <ListToolbar addText={canEdit && '新增儿童主任'} onAdd={editing.add}>
        <div className="ledger-filters-row">
          {!fixedTownshipId && <TownshipFilter value={townshipId} onChange={onTownship} />}
          <span className="table-count">共 {rows.length} 人</span>
        </div>
      </ListToolbar>
      <Table<ChildDirector>
        rowKey="id"
        size="middle"
        columns={columnsFor(canEdit, editing.edit)}
        dataSource={rows}
        loading={directors.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 760 }}
        locale={{ emptyText: canEdit ? '还没有儿童主任，请点击“新增儿童主任”' : '还没有儿童主任' }}
      />
      {canEdit && <DirectorModal open={editing.open} editing={editing.item} fixedTownshipId={fixedTownshipId} onClose={editing.close} />}
    </>
  );
}
