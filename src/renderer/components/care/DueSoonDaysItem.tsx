import { Form, InputNumber } from 'antd';
import { SETTING_WIDTH } from '../SettingsForm';

/** A care policy's 提前提醒天数 (the children's and the elders' alike): how early a visit counts as 近期待访. */
export function DueSoonDaysItem({ defaultDays }: { defaultDays: number }) {
  return (
    <Form.Item name="dueSoonDays" label="提前提醒天数" extra={`默认：${defaultDays} 天（1–31）；应访日期前这么多天起列入“近期待访”`} rules={[{ required: true, message: '请填写提前提醒天数' }]}>
      <InputNumber min={1} max={31} precision={0} suffix="天" style={SETTING_WIDTH} />
    </Form.Item>
  );
}
