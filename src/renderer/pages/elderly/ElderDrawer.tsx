/**
 * An elder's file beside the lists: the record, visits and assessments, and for care workers the actions on
 * an open file (记录探访, 能力评估, 修改档案, 结案). Roles that see the file masked are told so.
 */
import { Alert, Button, Drawer, Empty, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { CARE_WORKERS } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { CloseFileModal } from '../../components/care/CloseFileModal';
import { VisitRecordModal } from '../../components/care/VisitRecordModal';
import { useSignedIn } from '../../session/session-context';
import { AssessmentModal } from './AssessmentModal';
import { CLOSE_REASON_OPTIONS, VISIT_KIND_OPTIONS, VISIT_PLACEHOLDERS } from './elderly-options';
import { ELDER_WRITES } from './invalidates';
import { EditElderModal } from './EditElderModal';
import { ElderAssessments, ElderFile, ElderVisits } from './ElderFile';

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
    <Drawer open={open} onClose={onClose} size="min(780px, 94vw)" title={data ? `${data.name} · 特殊困难老年人档案` : '老人档案'} extra={actions} destroyOnHidden>
      {!data ? (
        elder.isError ? <Empty description="无法读取该老人档案" /> : <Skeleton active />
      ) : (
        <div data-testid="elder-file">
          {data.masked && <Alert type="info" showIcon className="modal-alert" title="您的角色只能查看脱敏信息" />}
          {data.closedOn && <Alert type="warning" showIcon className="modal-alert" title={`已于 ${data.closedOn} 结案，不再提醒探访；再次登记即重新建档`} />}
          <ElderFile elder={data} />
          <Typography.Title level={5}>能力综合评估</Typography.Title>
          <div className="elderly-file-section">
            <ElderAssessments assessments={data.assessments} />
          </div>
          <Typography.Title level={5}>探访记录</Typography.Title>
          <ElderVisits visits={data.visits} masked={data.masked} />
          {canAct && (
            <>
              <VisitRecordModal
                open={action === 'visit'}
                method="elderly.visits.record"
                writes={ELDER_WRITES}
                personId={data.personId}
                name={data.name}
                kinds={VISIT_KIND_OPTIONS}
                placeholders={VISIT_PLACEHOLDERS}
                onClose={() => setAction(null)}
              />
              <AssessmentModal open={action === 'assess'} elder={data} onClose={() => setAction(null)} />
              <EditElderModal open={action === 'edit'} elder={data} onClose={() => setAction(null)} />
              <CloseFileModal open={action === 'close'} method="elderly.elders.close" writes={ELDER_WRITES} person={data} reasons={CLOSE_REASON_OPTIONS} onClose={() => setAction(null)} />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
