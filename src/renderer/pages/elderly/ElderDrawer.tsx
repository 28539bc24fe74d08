/**
 * An elder's file beside the lists: the record, visits and assessments, and for care workers the actions on
 * an open file (记录探访, 能力评估, 修改档案, 结案). Roles that see the file masked are told so.
 */
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { ELDER_VISIT_KIND_LABELS } from '../../../shared/domain/elderly';
import { CARE_WORKERS } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { CloseFileModal } from '../../components/care/CloseFileModal';
import { RecordDrawer } from '../../components/RecordDrawer';
import { VisitRecordModal } from '../../components/care/VisitRecordModal';
import { VisitTimeline } from '../../components/care/VisitTimeline';
import { useSignedIn } from '../../session/session-context';
import { AssessmentModal } from './AssessmentModal';
import { CLOSE_REASON_OPTIONS, VISIT_KIND_COLORS, VISIT_KIND_OPTIONS, VISIT_PLACEHOLDERS } from './elderly-options';
import { ELDER_WRITES } from './invalidates';
import { EditElderModal } from './EditElderModal';
import { ElderAssessments, ElderFile } from './ElderFile';

type Action = 'visit' | 'assess' | 'edit' | 'close';

interface Props {
  open: boolean;
  /** The elder shown; kept while the drawer closes so its content does not vanish mid-animation. */
  personId: string | null;
  onClose: () => void;
}

export function ElderDrawer({ open, personId, onClose }: Props) {
  const { user } = useSignedIn();
  const elder = useRead('elderly.elders.get', { personId: personId ?? '' }, { enabled: personId !== null });
  const [action, setAction] = useState<Action | null>(null);
  const data = elder.data;
  const canAct = data !== undefined && CARE_WORKERS.includes(user.role) && !data.masked && data.closedOn === null;

  const actions = canAct && (
    <Space wrap>
      <Button type="primary" onClick={() => setAction('visit')}>
        记录探访
      </Button>
      <Button onClick={() => setAction('assess')}>能力评估</Button>
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
      read={elder}
      unreadable="无法读取该老人档案"
      title={data ? `${data.name} · 特殊困难老年人档案` : '老人档案'}
      extra={actions}
      width={780}
      testId="elder-file"
    >
      {(file) => (
        <>
          {file.closedOn && <Alert type="warning" showIcon className="modal-alert" title={`已于 ${file.closedOn} 结案，不再提醒探访；再次登记即重新建档`} />}
          <ElderFile elder={file} />
          <Typography.Title level={5}>能力综合评估</Typography.Title>
          <div className="elderly-file-section">
            <ElderAssessments assessments={file.assessments} />
          </div>
          <Typography.Title level={5}>探访记录</Typography.Title>
          <VisitTimeline visits={file.visits} masked={file.masked} kindLabels={ELDER_VISIT_KIND_LABELS} kindColors={VISIT_KIND_COLORS} />
          {canAct && (
            <>
              <VisitRecordModal
                open={action === 'visit'}
                method="elderly.visits.record"
                writes={ELDER_WRITES}
                personId={file.personId}
                name={file.name}
                kinds={VISIT_KIND_OPTIONS}
                placeholders={VISIT_PLACEHOLDERS}
                onClose={() => setAction(null)}
              />
              <AssessmentModal open={action === 'assess'} elder={file} onClose={() => setAction(null)} />
              <EditElderModal open={action === 'edit'} elder={file} onClose={() => setAction(null)} />
              <CloseFileModal open={action === 'close'} method="elderly.elders.close" writes={ELDER_WRITES} person={file} reasons={CLOSE_REASON_OPTIONS} onClose={() => setAction(null)} />
            </>
          )}
        </>
      )}
    </RecordDrawer>
  );
}
