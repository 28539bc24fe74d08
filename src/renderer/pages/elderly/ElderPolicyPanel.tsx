/**
 * 探访周期 (administrator): whether a missed survival check stops 高龄津贴 and after how many grace days,
 * months between visits per difficulty, and how early to remind. Saving moves every open file's due date.
 */
import { Form, InputNumber, Switch, Typography } from 'antd';
import { DEFAULT_ELDER_POLICY, ELDER_DIFFICULTIES, ELDER_DIFFICULTY_LABELS, type ElderPolicy } from '../../../shared/domain/elderly';
import { useRead, useWrite } from '../../api/queries';
import { DueSoonDaysItem } from '../../components/care/DueSoonDaysItem';
import { VisitMonthsItems } from '../../components/care/VisitMonthsItems';
import { SETTING_WIDTH, SettingsForm } from '../../components/SettingsForm';

export function ElderPolicyPanel() {
  const policy = useRead('elderly.policy.get', {});
  const save = useWrite('elderly.policy.save', ['elderly.policy.get', 'elderly.visits.due', 'elderly.elders.list', 'elderly.elders.get', 'elderly.survival.list']);
  const d = DEFAULT_ELDER_POLICY;

  return (
    <>
      <Typography.Paragraph type="secondary">老人有多项困难的，按其中最短的周期探访。保存后，所有未结案档案的应访日期按新周期重新计算。</Typography.Paragraph>
      <SettingsForm<ElderPolicy>
        initialValues={policy.data}
        defaults={DEFAULT_ELDER_POLICY}
        labelWidth={240}
        saveText="保存设置"
        saving={save.isPending}
        save={save.mutateAsync}
        saved="已保存老年关爱设置"
      >
        <Typography.Title level={5}>高龄津贴生存认证</Typography.Title>
        <Form.Item name="survivalStopsPayment" label="未按期认证停发" valuePropName="checked" extra="开启后，县级经办员可在半年期满（含宽限）后停发未认证人员的高龄津贴，次月起停发">
          <Switch checkedChildren="停发" unCheckedChildren="不停发" />
        </Form.Item>
        <Form.Item name="graceDays" label="宽限天数" extra={`默认 ${d.graceDays} 天（0–60）：6 月 30 日、12 月 31 日之后再等这么多天`} rules={[{ required: true, message: '请填写宽限天数' }]}>
          <InputNumber min={0} max={60} precision={0} suffix="天" style={SETTING_WIDTH} />
        </Form.Item>
        <Typography.Title level={5}>特殊困难老年人探访周期</Typography.Title>
        <VisitMonthsItems field="visitMonths" kinds={ELDER_DIFFICULTIES} labels={ELDER_DIFFICULTY_LABELS} defaults={d.visitMonths} who="老人" />
        <DueSoonDaysItem defaultDays={d.dueSoonDays} />
      </SettingsForm>
    </>
  );
}
