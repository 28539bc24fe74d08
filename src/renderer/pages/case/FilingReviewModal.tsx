/** 备案审查: the county reviews the record copy of a confirmation it delegated to a township. */
import { App, Form, Input } from 'antd';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { CASE_WRITES } from '../approvals/invalidates';
import { opinionRules } from '../approvals/opinion-rules';
import { runCaseWrite } from './case-write';

interface FilingValues {
  opinion: string;
}

interface Props {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onStale: () => void;
}

export function FilingReviewModal({ open, detail, onClose, onStale }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilingValues>();
  const review = useWrite('cases.reviewFiling', CASE_WRITES);

  const submit = (values: FilingValues) =>
    runCaseWrite(
      async () => {
        await review.mutateAsync({ caseId: detail.id, version: detail.version, opinion: values.opinion });
        return '已完成备案审查';
      },
      { form, message, onClose, onStale },
    );

  return (
    <FormModal<FilingValues> open={open} title="备案审查" okText="提交审查" form={form} saving={review.isPending} onCancel={onClose} onFinish={(v) => void submit(v)}>
      <Form.Item name="opinion" label="审查意见" rules={opinionRules('审查意见')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：经审查，乡镇审核确认程序合规，材料齐全" />
      </Form.Item>
    </FormModal>
  );
}
