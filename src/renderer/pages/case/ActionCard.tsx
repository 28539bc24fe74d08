/**
 * 当前环节: the choices the signed-in user has at the case's step (those refused say why), the opinion
 * every action needs, and what the step records. The case's version goes along, so if someone else
 * acted first the server answers CONFLICT and the page reloads the case.
 */
import { App, Button, Card, Form, Input, Radio, Tooltip, Typography } from 'antd';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { isApiError } from '../../api/api-error';
import { reportError, withFieldPaths } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { enterMovesOn } from '../../components/enter-moves-on';
import { DueDate } from '../approvals/DueDate';
import { CASE_WRITES } from '../approvals/invalidates';
import { opinionRules } from '../approvals/opinion-rules';
import { actionData, fieldPathOf, initialValues, type ActionValues } from './action-values';
import { ActionFields } from './ActionFields';

/** Why the user cannot act: once when every choice is refused for the same reason, else per choice. */
function refusalLines(actions: CaseDetail['actions']): string[] {
  const refused = actions.filter((a) => a.refusal);
  if (refused.length === 0) return [];
  const reasons = new Set(refused.map((a) => a.refusal));
  return refused.length === actions.length && reasons.size === 1 ? [refused[0]!.refusal!] : refused.map((a) => `“${a.label}”：${a.refusal}`);
}

function Refusals({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line) => (
        <div key={line}>
          <Typography.Text type="secondary">{line}</Typography.Text>
        </div>
      ))}
    </>
  );
}

interface Props {
  detail: CaseDetail;
  /** The case changed under us: read it again. */
  onStale: () => void;
}

export function ActionCard({ detail, onStale }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const act = useWrite('cases.act', CASE_WRITES);
  const chosenId = Form.useWatch('action', form);
  const chosen = detail.actions.find((a) => a.id === chosenId);
  const allRefused = detail.actions.every((a) => a.refusal);
  const refusals = refusalLines(detail.actions);

  const submit = async (values: ActionValues) => {
    if (!chosen) return;
    try {
      await act.mutateAsync({
        caseId: detail.id,
        version: detail.version,
        action: chosen.id,
        opinion: values.opinion,
        data: actionData(detail.form, values, chosen.id),
      });
      message.success(`已办理：${chosen.label}`);
    } catch (err) {
      reportError(withFieldPaths(err, fieldPathOf), form);
      if (isApiError(err, 'CONFLICT')) onStale();
    }
  };

  return (
    <Card
      title={`当前环节：${detail.stepLabel ?? '—'}`}
      className="household-card"
      extra={
        <span>
          环节期限：<DueDate due={detail.stepDue} days={detail.stepDaysLeft} unit={detail.stepDueUnit} />
        </span>
      }
    >
      {detail.actions.length === 0 ? (
        <Typography.Text type="secondary">此环节没有可办理的操作</Typography.Text>
      ) : (
        <Form<ActionValues>
          form={form}
          layout="vertical"
          initialValues={initialValues(detail.formDefaults)}
          onFinish={(v) => void submit(v)}
          onKeyDown={enterMovesOn}
          requiredMark
          disabled={allRefused}
        >
          <Form.Item name="action" label="办理操作" rules={[{ required: true, message: '请选择办理操作' }]} extra={refusals.length > 0 ? <Refusals lines={refusals} /> : undefined}>
            <Radio.Group>
              {detail.actions.map((a) => (
                <Radio key={a.id} value={a.id} disabled={a.refusal !== null}>
                  {a.refusal ? (
                    <Tooltip title={a.refusal}>
                      <span>{a.label}</span>
                    </Tooltip>
                  ) : (
                    <Typography.Text type={a.tone === 'danger' ? 'danger' : undefined}>{a.label}</Typography.Text>
                  )}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <ActionFields form={detail.form} amountRequired={chosen?.tone !== 'danger'} actionId={chosen?.id} />
          <Form.Item name="opinion" label={detail.kind === 'psych_care' ? '工作记录' : '审核意见'} rules={opinionRules(detail.kind === 'psych_care' ? '工作记录' : '审核意见')}>
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder="如：经核实，申请情况属实，同意" />
          </Form.Item>
          <Button type="primary" htmlType="submit" danger={chosen?.tone === 'danger'} loading={act.isPending}>
            提交办理
          </Button>
        </Form>
      )}
    </Card>
  );
}
