/**
 * 帮扶机构: the organisations referrals go to. County staff and the administrator keep them all; a township
 * clerk sees the county-wide ones and keeps their own township's.
 */
import { Button, Table, type TableColumnsType } from 'antd';
import type { Organisation } from '../../../shared/api/referrals.schemas';
import { ORGANISATION_KIND_LABELS } from '../../../shared/domain/referrals';
import { useRead } from '../../api/queries';
import { StatusTag } from '../../components/StatusTag';
import { ListToolbar } from '../../components/ListToolbar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { useEditing } from '../../components/use-editing';
import { OrganisationModal } from './OrganisationModal';

interface Props {
  townshipId: string | undefined;
  onTownship: (townshipId: string | undefined) => void;
  fixedTownshipId: string | null;
  canEdit: boolean;
}

function columnsFor(editable: (o: Organisation) => boolean, edit: (o: Organisation) => void): TableColumnsType<Organisation> {
  return [
    { title: '名称', dataIndex: 'name', width: 220, ellipsis: true },
    { title: '类别', dataIndex: 'kind', width: 130, render: (k: Organisation['kind']) => ORGANISATION_KIND_LABELS[k] },
    { title: '服务范围', dataIndex: 'townshipName', width: 110, render: (name: string | null) => name ?? '全县' },
    { title: '服务内容', dataIndex: 'services', width: 240, ellipsis: true, render: (s: string | null) => s ?? '—' },
    { title: '联系人', dataIndex: 'contactName', width: 130, ellipsis: true, render: (s: string | null) => s ?? '—' },
    { title: '电话', dataIndex: 'phone', width: 130, className: 'mono-cell', render: (s: string | null) => s ?? '—' },
    { title: '状态', dataIndex: 'active', width: 80, render: (active: boolean) => <StatusTag active={active} /> },
    { title: '在办转介', dataIndex: 'openReferrals', width: 90, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, o) =>
        editable(o) && (
          <Button type="link" size="small" onClick={() => edit(o)} aria-label={`编辑 ${o.name}`}>
            编辑
          </Button>
        ),
    },
  ];
}

export function OrganisationsPanel({ townshipId, onTownship, fixedTownshipId, canEdit }: Props) {
  const organisations = useRead('referrals.organisations.list', fixedTownshipId ? {} : { townshipId }, { keepPrevious: true });
  const editing = useEditing<Organisation>();
  const rows = organisations.data ?? [];
  // A township clerk keeps their own township's organisations, not the county's.
  const editable = (o: Organisation) => canEdit && (fixedTownshipId === null || o.townshipId === fixedTownshipId);

  return (
    <>
      <ListToolbar addText={canEdit && '登记帮扶机构'} onAdd={editing.add}>
        <div className="ledger-filters-row">
          {!fixedTownshipId && <TownshipFilter value={townshipId} onChange={onTownship} />}
          <span className="table-count">共 {rows.length} 个</span>
        </div>
      </ListToolbar>
      <Table<Organisation>
        rowKey="id"
        size="middle"
        columns={columnsFor(editable, editing.edit)}
        dataSource={rows}
        loading={organisations.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1200 }}
        locale={{ emptyText: canEdit ? '还没有帮扶机构，请点击“登记帮扶机构”' : '还没有帮扶机构' }}
      />
      {canEdit && <OrganisationModal open={editing.open} editing={editing.item} fixedTownshipId={fixedTownshipId} onClose={editing.close} />}
    </>
  );
}
