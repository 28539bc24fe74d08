/** 探访周期: months between visits per category, the shorter interval where guardianship is weak, and how early to remind. */
import { App, Button, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import type { VisitPolicy } from '../../../shared/domain/care';
import { CHILD_CATEGORIES, CHILD_CATEGORY_LABELS, DEFAULT_VISIT_POLICY } from '../../../shared/domain/care';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';

const WIDTH = { width: 200 };

function PolicyForm({ policy }: { policy: VisitPolicy }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitPolicy>();
  const save = useWrite('care.policy.save', ['care.policy.get', 'care.visits.due', 'care.children.list', 'care.children.get']);
  const d = DEFAULT_VISIT_POLICY;

  const submit = async (values: VisitPolicy) => {
    try {
      await save.mutateAsync(values);
      message.success('已保存探访周期');
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <Form<VisitPolicy> form={form} layout="horizontal" labelCol={{ flex: '220px' }} initialValues={policy} onFinish={(v) => void submit(v)}>
      {CHILD_CATEGORIES.map((c) => (
        <Form.Item
          key={c}
          name={['byCategory', c]}
          label={CHILD_CATEGORY_LABELS[c]}
          extra={`默认：每 ${d.byCategory[c]} 个月探访一次`}
          rules={[{ required: true, message: `请填写${CHILD_CATEGORY_LABELS[c]}的探访周期` }]}
        >
          <InputNumber min={1} max={12} precision={0} suffix="个月" style={WIDTH} />
        </Form.Item>
      ))}
      <Form.Item
        name="guardianshipLacking"
        label="监护缺失或委托照护时"
        extra={`默认：每 ${d.guardianshipLacking} 个月；与类别周期取较短者`}
        rules={[{ required: true, message: '请填写监护缺失或委托照护时的探访周期' }]}
      >
        <InputNumber min={1} max={12} precision={0} suffix="个月" style={WIDTH} />
      </Form.Item>
      <Form.Item name="dueSoonDays" label="提前提醒天数" extra={`默认：${d.dueSoonDays} 天（1–31）；应访日期前这么多天起列入“近期待访”`} rules={[{ required: true, message: '请填写提前提醒天数' }]}>
        <InputNumber min={1} max={31} precision={0} suffix="天" style={WIDTH} />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Space>
          <Button onClick={() => form.setFieldsValue(DEFAULT_VISIT_POLICY)}>恢复默认</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存探访周期
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

export function PolicyPanel() {
  const policy = useRead('care.policy.get', {});
  return (
    <>
      <Typography.Paragraph type="secondary">
        按儿童类别设定探访巡访的间隔（1–12 个月）。监护缺失或委托照护的儿童按两者中较短的周期探访。
      </Typography.Paragraph>
      {policy.data ? <PolicyForm policy={policy.data} /> : <Skeleton active />}
    </>
  );
}
