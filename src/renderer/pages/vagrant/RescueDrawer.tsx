/**
 * A rescue record beside the list, with the clerks' actions: 编辑, and 离站登记 while the person is in the
 * station. Roles that see names masked are told so and get no actions.
 */
import { Button, Space } from 'antd';
import { useState } from 'react';
import { rescueTitle, seesRescueRecords } from '../../../shared/domain/vagrant';
import { useRead } from '../../api/queries';
import { RecordDrawer } from '../../components/RecordDrawer';
import { useSignedIn } from '../../session/session-context';
import { LeaveModal } from './LeaveModal';
import { RescueFormModal } from './RescueFormModal';
import { RescueRecord } from './RescueRecord';

type Action = 'edit' | 'leave';

interface Props {
  open: boolean;
  /** The record shown; kept while the drawer closes so its content does not vanish mid-animation. */
  id: string | null;
  fixedTownshipId: string | null;
  onClose: () => void;
}

export function RescueDrawer({ open, id, fixedTownshipId, onClose }: Props) {
  const { user } = useSignedIn();
  const record = useRead('vagrant.get', { id: id ?? '' }, { enabled: id !== null });
  const [action, setAction] = useState<Action | null>(null);
  const data = record.data;
  const canAct = data !== undefined && seesRescueRecords(user.role) && !data.masked;

  const actions = canAct && (
    <Space>
      <Button onClick={() => setAction('edit')}>编辑</Button>
      {data.leftOn === null && (
        <Button type="primary" onClick={() => setAction('leave')}>
          离站登记
        </Button>
      )}
    </Space>
  );

  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      read={record}
      unreadable="无法读取该救助记录"
      title={data ? `${rescueTitle(data)} · ${data.rescueNo}` : '救助记录'}
      extra={actions}
      testId="rescue-record"
    >
      {(rescue) => (
        <>
          <RescueRecord record={rescue} />
          {canAct && (
            <>
              <RescueFormModal open={action === 'edit'} record={rescue} fixedTownshipId={fixedTownshipId} onClose={() => setAction(null)} onSaved={() => setAction(null)} />
              {rescue.leftOn === null && <LeaveModal open={action === 'leave'} record={rescue} onClose={() => setAction(null)} />}
            </>
          )}
        </>
      )}
    </RecordDrawer>
  );
}
