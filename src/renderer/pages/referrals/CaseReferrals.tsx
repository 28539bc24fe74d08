/**
 * The referrals opened from one approval case, compact, for the case page; care workers add one preset to the
 * case's household and the person concerned (the child of a 心理关爱个案). A row opens the referral in its drawer.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReferralRow } from '../../../shared/api/referrals.schemas';
import { NEED_KIND_LABELS, seesReferralRecords, type ReferralStatus } from '../../../shared/domain/referrals';
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';
import { DueCell, ReferralStatusTag } from './columns';
import { openOnClick } from '../../components/open-on-click';
import { ReferralDrawer } from './ReferralDrawer';
import { ReferralModal, type ReferralPreset } from './ReferralModal';
import { subjectOf } from './referral-options';

const columns: TableColumnsType<ReferralRow> = [
  { title: '转介编号', dataIndex: 'referralNo', width: 120, className: 'mono-cell' },
  { title: '对象', key: 'subject', width: 120, ellipsis: true, render: (_: unknown, row) => subjectOf(row) },
  { title: '需求', dataIndex: 'needKind', width: 90, render: (k: ReferralRow['needKind']) => NEED_KIND_LABELS[k] },
  { title: '帮扶机构', dataIndex: 'organisationName', width: 180, ellipsis: true },
  { title: '反馈期限', dataIndex: 'dueOn', width: 120, render: (_: unknown, row) => <DueCell row={row} /> },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: ReferralStatus) => <ReferralStatusTag status={s} /> },
];

interface Props {
  caseId: string;
  /** Where 新建转介 starts (the case's household and person concerned); read from the case when not given. */
  preset?: Omit<ReferralPreset, 'caseId'>;
}

export function CaseReferrals({ caseId, preset: given }: Props) {
  const { user } = useSignedIn();
  const list = useRead('referrals.list', { caseId, pageSize: 50 });
  // The same read as the case page's own, so it usually costs nothing.
  const found = useRead('cases.get', { id: caseId }, { enabled: given === undefined });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const c = found.data;
  const who = c && (c.personId ? (c.subjectName ?? '案件当事人') : `${c.headName ?? ''}户（全户）`);
  const derived = c && { householdId: c.householdId, personId: c.personId ?? undefined, label: `${who}，来自案件 ${c.caseNo}` };
  const preset = given ?? derived;
  const canCreate = preset !== undefined && seesReferralRecords(user.role);
  const open = (id: string) => setShown({ open: true, id });

  return (
    <Card
      size="small"
      title="转介帮扶"
      className="household-card case-referrals"
      extra={
        canCreate && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建转介
          </Button>
        )
      }
    >
      <Table<ReferralRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isFetching}
        pagination={false}
        rowClassName="clickable-row"
        onRow={openOnClick((row) => open(row.id))}
        scroll={{ x: 720 }}
        locale={{ emptyText: '本案件还没有转介' }}
      />
      {canCreate && <ReferralModal open={creating} onClose={() => setCreating(false)} preset={preset && { ...preset, caseId }} />}
      <ReferralDrawer open={shown.open} referralId={shown.id} onClose={() => setShown((s) => ({ ...s, open: false }))} />
    </Card>
  );
}
