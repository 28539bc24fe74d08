/**
 * 发起心理关爱个案 / 办理成年后安置 from a child's file: the reason, then the case opens on its first step
 * (接案审核, or the township's review of the resettlement) in the approvals.
 */
import { Alert, App, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { ChildDetail } from '../../../shared/api/care.schemas';
import { DEFAULT_WORKFLOWS } from '../../../shared/domain/workflow/definitions';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { CASE_WRITES } from '../approvals/invalidates';
import { opinionRules } from '../approvals/opinion-rules';

export type CareCaseKind = 'psych_care' | 'adult_resettlement';

const TEXTS: Record<CareCaseKind, { note: string; reason: string; placeholder: string }> = {
  psych_care: {
    note: '个案由接案审核开始：完成初始评估（SDQ 等量表）后按风险等级分级，再制定服务方案。',
    reason: '求助或发现情况',
    placeholder: '如：班主任反映孩子近期情绪低落、不愿上学，监护人同意介入',
  },
  adult_resettlement: {
    note: '乡镇审核安置方案和一次性安置补助，报县级确认；确认后儿童关爱档案随之结案。',
    reason: '办理事由',
    placeholder: '如：年满 18 周岁，基本生活费终止，办理成年后安置',
  },
};

interface Props {
  kind: CareCaseKind | null;
  child: ChildDetail;
  onClose: () => void;
}

export function StartCareCaseModal({ kind, child, onClose }: Props) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ reason: string }>();
  const start = useWrite('cases.start', [...CASE_WRITES, 'care.children.get']);
  const texts = TEXTS[kind ?? 'psych_care'];

  const submit = async ({ reason }: { reason: string }) => {
    if (!kind) return;
    try {
      const { id, caseNo } = await start.mutateAsync({ kind, householdId: child.householdId, personIds: [child.personId], reason });
      message.success(`已发起${DEFAULT_WORKFLOWS[kind].label}，案件编号 ${caseNo}`);
      onClose();
      navigate(`/approvals/${id}`);
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<{ reason: string }>
      open={kind !== null}
      title={kind ? `${DEFAULT_WORKFLOWS[kind].label} · ${child.name}` : ''}
      okText="发起"
      form={form}
      saving={start.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
      width={560}
    >
      <Alert type="info" showIcon className="modal-alert" title={texts.note} />
      <Form.Item name="reason" label={texts.reason} rules={opinionRules(texts.reason)}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder={texts.placeholder} />
      </Form.Item>
    </FormModal>
  );
}
