/**
 * 批量办理: one action and one opinion for every selected case at the same step of the same kind
 * (e.g. 受理 a morning's applications). Each case is checked on its own by the server; the result
 * says which went through.
 */
import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { batchChoice } from './batch-choice';
import type { BatchResult } from './BatchResultModal';
import { CASE_WRITES } from './invalidates';
import { opinionRules } from './opinion-rules';

interface BatchValues {
  action: string;
  opinion: string;
}

interface Props {
  rows: CaseRow[];
  onClear: () => void;
  /** The server's answer per case; the selection is cleared. */
  onDone: (results: BatchResult[]) => void;
}

export function BatchBar({ rows, onClear, onDone }: Props) {
  const [form] = Form.useForm<BatchValues>();
  const batch = useWrite('cases.batchAct', CASE_WRITES);
  const choice = batchChoice(rows);

  const submit = async (values: BatchValues) => {
    try {
      const answer = await batch.mutateAsync({
        items: rows.map((r) => ({ caseId: r.id, version: r.version })),
        action: values.action,
        opinion: values.opinion,
      });
      onDone(answer.results);
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`批量办理（已选 ${rows.length} 件）`} extra={<Button onClick={onClear}>取消选择</Button>}>
      {choice.ok ? (
        <Form<BatchValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
          <Form.Item name="action" label={`办理操作（${choice.step.label}）`} rules={[{ required: true, message: '请选择办理操作' }]}>
            <Radio.Group options={choice.actions.map((a) => ({ value: a.id, label: a.label }))} />
          </Form.Item>
          <Form.Item name="opinion" label="审核意见" rules={opinionRules('审核意见')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="该意见将记入每一件所选案件" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={batch.isPending}>
            批量办理
          </Button>
        </Form>
      ) : (
        <Alert type="warning" showIcon title={choice.reason} />
      )}
    </Card>
  );
}
