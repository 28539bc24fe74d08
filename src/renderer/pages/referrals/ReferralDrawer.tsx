/**
 * A referral beside the list: the details, the history of its status moves and, for care workers while it is
 * open, 更新状态. Roles that see it masked are told so and get no need, outcome or notes.
 */
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { isOpenStatus, seesReferralRecords } from '../../../shared/domain/referrals';
import { useRead } from '../../api/queries';
import { RecordDrawer } from '../../components/RecordDrawer';
import { useSignedIn } from '../../session/session-context';
import { ReferralDetails } from './ReferralDetails';
import { ReferralTimeline } from './ReferralTimeline';
import { subjectOf } from './referral-options';
import { UpdateStatusModal } from './UpdateStatusModal';

interface Props {
  open: boolean;
  /** The referral shown; kept while the drawer closes so its content does not vanish mid-animation. */
  referralId: string | null;
  onClose: () => void;
}

export function ReferralDrawer({ open, referralId, onClose }: Props) {
  const { user } = useSignedIn();
  const referral = useRead('referrals.get', { id: referralId ?? '' }, { enabled: referralId !== null });
  const [updating, setUpdating] = useState(false);
  const data = referral.data;
  const canAct = data !== undefined && seesReferralRecords(user.role) && !data.masked && isOpenStatus(data.status);

  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      read={referral}
      unreadable="无法读取该转介记录"
      title={data ? `${data.referralNo} · ${subjectOf(data)}` : '转介记录'}
      extra={
        canAct && (
          <Button type="primary" onClick={() => setUpdating(true)}>
            更新状态
          </Button>
        )
      }
      testId="referral-detail"
    >
      {(detail) => (
        <>
          {detail.overdue && <Alert type="error" showIcon className="modal-alert" title={`已超过反馈期限 ${detail.daysOverdue} 天，请联系机构了解进展并更新状态`} />}
          <ReferralDetails referral={detail} />
          <Typography.Title level={5}>办理经过</Typography.Title>
          <ReferralTimeline events={detail.events} />
          {canAct && <UpdateStatusModal open={updating} referral={detail} onClose={() => setUpdating(false)} />}
        </>
      )}
    </RecordDrawer>
  );
}
