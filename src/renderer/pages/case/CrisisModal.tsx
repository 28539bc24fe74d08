/** 标记危机 / 解除危机: at any stage of a 心理关爱个案, with what happened and what was done. */
import { Alert, App, Form, Input } from 'antd';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { CASE_WRITES } from '../approvals/invalidates';
import { opinionRules } from '../approvals/opinion-rules';
import { runCaseWrite } from './case-write';

interface Props {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onStale: () => void;
}

export function CrisisModal({ open, detail, onClose, onStale }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const flag = useWrite('cases.flagCrisis', CASE_WRITES);
  const setting = !detail.crisis;

  const submit = ({ note }: { note: string }) =>
    runCaseWrite(
      async () => {
        await flag.mutateAsync({ caseId: detail.id, version: detail.version, crisis: setting, note });
        return setting ? '已标记危机，风险等级调为一级' : '已解除危机标记';
      },
      { form, message, onClose, onStale },
    );

  return (
    <FormModal<{ note: string }>
      open={open}
      title={setting ? '标记危机' : '解除危机'}
      okText={setting ? '标记危机' : '解除危机'}
      form={form}
      saving={flag.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Alert
        type={setting ? 'error' : 'info'}
        showIcon
        className="modal-alert"
        title={setting ? '标记后个案按一级（高风险）管理，解除前不能结案。请同时按危机干预预案联系监护人、学校或医疗机构。' : '请写明危机解除的依据（如医院或专业机构评估意见）。'}
      />
      <Form.Item name="note" label={setting ? '危机情况及已采取的措施' : '解除依据'} rules={opinionRules('说明', 2, 1000)}>
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}
