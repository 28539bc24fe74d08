/**
 * A 心理关爱个案 beside its steps: the grade of the last assessment, the crisis flag with its note, the
 * follow-up date after discharge, and for the care clerks 标记危机 / 解除危机 and 登记随访.
 */
import { AlertOutlined, CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { PSYCH_GRADES } from '../../../shared/domain/care-cases';
import { GRADE_COLORS } from './CareFields';
import { CrisisModal } from './CrisisModal';
import { FollowUpModal } from './FollowUpModal';

interface Props {
  detail: CaseDetail;
  onStale: () => void;
}

export function CareCaseCard({ detail, onStale }: Props) {
  const [open, setOpen] = useState<'crisis' | 'follow' | null>(null);
  const care = detail.care;
  if (!care) return null;
  const close = () => setOpen(null);
  return (
    <Card
      title="个案管理"
      className="household-card"
      extra={
        <Space>
          {care.canFlagCrisis && (
            <Button danger={!detail.crisis} icon={<AlertOutlined />} onClick={() => setOpen('crisis')}>
              {detail.crisis ? '解除危机' : '标记危机'}
            </Button>
          )}
          {care.canFollowUp && (
            <Button type="primary" icon={<CalendarOutlined />} onClick={() => setOpen('follow')}>
              登记随访
            </Button>
          )}
        </Space>
      }
    >
      {detail.crisis && <Alert type="error" showIcon className="modal-alert" title={`危机个案（${care.crisisSince ?? ''} 起）`} description={care.crisisNote} />}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="风险等级">{care.grade ? <Tag color={GRADE_COLORS[care.grade]}>{PSYCH_GRADES[care.grade]}</Tag> : '待接案评估'}</Descriptions.Item>
        <Descriptions.Item label="下次随访">{detail.followUpOn ?? (detail.status === 'closed' && detail.outcome === 'approved' ? '随访已结束' : '结案后安排')}</Descriptions.Item>
      </Descriptions>
      {care.canFlagCrisis && <CrisisModal open={open === 'crisis'} detail={detail} onClose={close} onStale={onStale} />}
      {care.canFollowUp && <FollowUpModal open={open === 'follow'} detail={detail} onClose={close} onStale={onStale} />}
    </Card>
  );
}
