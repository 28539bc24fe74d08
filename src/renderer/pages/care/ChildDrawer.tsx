/**
 * A child's file beside the lists: the record, the visits, the child's care cases, and for care workers the
 * actions on an open file (记录探访, 关爱个案 — 心理关爱个案 or, when the server says it is due, 成年后安置 —,
 * 修改档案, 结案). Roles that see the file masked are told so and get no details.
 */
import { DownOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { CHILD_CATEGORY_LABELS, VISIT_KIND_LABELS } from '../../../shared/domain/care';
import { seesChildRecords } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { CloseFileModal } from '../../components/care/CloseFileModal';
import { RecordDrawer } from '../../components/RecordDrawer';
import { VisitRecordModal } from '../../components/care/VisitRecordModal';
import { VisitTimeline } from '../../components/care/VisitTimeline';
import { useSignedIn } from '../../session/session-context';
import { CLOSE_REASON_OPTIONS, VISIT_KIND_COLORS, VISIT_KIND_OPTIONS, VISIT_PLACEHOLDERS } from './care-options';
import { ChildCases } from './ChildCases';
import { ChildFile } from './ChildFile';
import { CARE_WRITES } from './invalidates';
import { StartCareCaseModal, type CareCaseKind } from './StartCareCaseModal';
import { EditChildModal } from './EditChildModal';

type Action = 'visit' | 'edit' | 'close' | CareCaseKind;

interface Props {
  open: boolean;
  /** The child shown; kept while the drawer closes so its content does not vanish mid-animation. */
  personId: string | null;
  onClose: () => void;
}

export function ChildDrawer({ open, personId, onClose }: Props) {
  const { user } = useSignedIn();
  const child = useRead('care.children.get', { personId: personId ?? '' }, { enabled: personId !== null });
  const [action, setAction] = useState<Action | null>(null);
  const data = child.data;
  const canAct = data !== undefined && seesChildRecords(user.role) && !data.masked && data.closedOn === null;

  const actions = canAct && (
    <Space>
      <Button type="primary" onClick={() => setAction('visit')}>
        记录探访
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'psych_care', label: '发起心理关爱个案' },
            ...(data.resettlementOpen ? [{ key: 'adult_resettlement', label: '办理成年后安置' }] : []),
          ],
          onClick: ({ key }) => setAction(key as CareCaseKind),
        }}
      >
        <Button>
          关爱个案 <DownOutlined />
        </Button>
      </Dropdown>
      <Button onClick={() => setAction('edit')}>修改档案</Button>
      <Button danger onClick={() => setAction('close')}>
        结案
      </Button>
    </Space>
  );

  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      read={child}
      unreadable="无法读取该儿童档案"
      title={data ? `${data.name} · ${CHILD_CATEGORY_LABELS[data.category]}` : '儿童档案'}
      extra={actions}
      testId="child-file"
    >
      {(file) => (
        <>
          {file.closedOn && <Alert type="warning" showIcon className="modal-alert" title={`已于 ${file.closedOn} 结案，不再提醒探访`} />}
          <ChildFile child={file} />
          <Typography.Title level={5}>探访记录</Typography.Title>
          <VisitTimeline visits={file.visits} masked={file.masked} kindLabels={VISIT_KIND_LABELS} kindColors={VISIT_KIND_COLORS} />
          {!file.masked && (
            <>
              <Typography.Title level={5}>关爱个案</Typography.Title>
              <ChildCases householdId={file.householdId} personId={file.personId} />
            </>
          )}
          {canAct && (
            <>
              <VisitRecordModal
                open={action === 'visit'}
                method="care.visits.record"
                writes={CARE_WRITES}
                personId={file.personId}
                name={file.name}
                kinds={VISIT_KIND_OPTIONS}
                defaultVisitor={file.directorName ?? undefined}
                placeholders={VISIT_PLACEHOLDERS}
                onClose={() => setAction(null)}
              />
              <EditChildModal open={action === 'edit'} child={file} onClose={() => setAction(null)} />
              <CloseFileModal open={action === 'close'} method="care.children.close" writes={CARE_WRITES} person={file} reasons={CLOSE_REASON_OPTIONS} onClose={() => setAction(null)} />
              <StartCareCaseModal kind={action === 'psych_care' || action === 'adult_resettlement' ? action : null} child={file} onClose={() => setAction(null)} />
            </>
          )}
        </>
      )}
    </RecordDrawer>
  );
}
