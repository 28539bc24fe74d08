/** 延期: a case may be extended once, with a reason, to the longer deadline its workflow allows. */
import { Alert, App, Form, Input } from 'antd';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { formatDeadline } from '../../../shared/domain/workflow/rules';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { CASE_WRITES } from '../approvals/invalidates';
import { opinionRules } from '../approvals/opinion-rules';
import { runCaseWrite } from './case-write';

interface ExtendValues {
  reason: string;
}

interface Props {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onStale: () => void;
}

export function ExtendModal({ open, detail, onClose, onStale }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExtendValues>();
  const extend = useWrite('cases.extend', CASE_WRITES);
  const extended = detail.definition.extended;

  const submit = (values: ExtendValues) =>
    runCaseWrite(
      async () => {
        const { caseDue } = await extend.mutateAsync({ caseId: detail.id, version: detail.version, reason: values.reason });
        return `已延期，办结期限延至 ${caseDue}`;
      },
      { form, message, onClose, onStale },
    );

  return (
    <FormModal<ExtendValues> open={open} title="延期办理" okText="确认延期" form={form} saving={extend.isPending} onCancel={onClose} onFinish={(v) => void submit(v)}>
      <Alert
        type="info"
        showIcon
        className="modal-alert"
        title={`办结期限只能延长一次${extended ? `，延长后为自受理之日起 ${formatDeadline(extended)}` : ''}；现办结期限为 ${detail.caseDue}。`}
      />
      <Form.Item
        name="reason"
        label="延期理由"
        rules={opinionRules('延期理由', 4, 300)}
      >
        <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：申请人外出务工，需补充收入证明材料" />
      </Form.Item>
    </FormModal>
  );
}
