/** 探访周期: months between visits per category, the shorter interval where guardianship is weak, and how early to remind. */
import { Form, InputNumber, Typography } from 'antd';
import type { VisitPolicy } from '../../../shared/domain/care';
import { CHILD_CATEGORIES, CHILD_CATEGORY_LABELS, DEFAULT_VISIT_POLICY } from '../../../shared/domain/care';
import { useRead, useWrite } from '../../api/queries';
import { DueSoonDaysItem } from '../../components/care/DueSoonDaysItem';
import { VisitMonthsItems } from '../../components/care/VisitMonthsItems';
import { SETTING_WIDTH, SettingsForm } from '../../components/SettingsForm';

export function PolicyPanel() {
  const policy = useRead('care.policy.get', {});
  const save = useWrite('care.policy.save', ['care.policy.get', 'care.visits.due', 'care.children.list', 'care.children.get']);
  const d = DEFAULT_VISIT_POLICY;

  return (
    <>
      <Typography.Paragraph type="secondary">
        按儿童类别设定探访巡访的间隔（1–12 个月）。监护缺失或委托照护的儿童按两者中较短的周期探访。
      </Typography.Paragraph>
      <SettingsForm<VisitPolicy>
        initialValues={policy.data}
        defaults={DEFAULT_VISIT_POLICY}
        labelWidth={220}
        saveText="保存探访周期"
        saving={save.isPending}
        save={save.mutateAsync}
        saved="已保存探访周期"
      >
        <VisitMonthsItems field="byCategory" kinds={CHILD_CATEGORIES} labels={CHILD_CATEGORY_LABELS} defaults={d.byCategory} />
        <Form.Item
          name="guardianshipLacking"
          label="监护缺失或委托照护时"
          extra={`默认：每 ${d.guardianshipLacking} 个月；与类别周期取较短者`}
          rules={[{ required: true, message: '请填写监护缺失或委托照护时的探访周期' }]}
        >
          <InputNumber min={1} max={12} precision={0} suffix="个月" style={SETTING_WIDTH} />
        </Form.Item>
        <DueSoonDaysItem defaultDays={d.dueSoonDays} />
      </SettingsForm>
    </>
  );
}
