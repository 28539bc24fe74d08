/** 离站: the day, the outcome, and where to (required for 护送返乡 and 转送); inside the edit form or the leaving form. */
import { AutoComplete, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { OUTCOMES_WITH_DESTINATION, type RescueOutcome } from '../../../shared/domain/vagrant';
import { afterToday } from '../../app/date-field';
import { destinationLabel, INSTITUTION_OPTIONS, OUTCOME_OPTIONS } from './vagrant-options';

export function LeaveFieldItems() {
  const form = Form.useFormInstance();
  const outcome = Form.useWatch('outcome', form) as RescueOutcome | null | undefined;
  const needed = outcome ? OUTCOMES_WITH_DESTINATION.includes(outcome) : false;
  const label = destinationLabel(outcome);
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="leftOn" label="离站日期" rules={[{ required: true, message: '请选择离站日期' }]}>
          <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="outcome" label="去向" rules={[{ required: true, message: '请选择去向' }]}>
          <Select options={OUTCOME_OPTIONS} placeholder="护送返乡、亲属接回……" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="destination" label={label} rules={[{ required: needed, whitespace: true, message: `请填写${label}` }, { max: 100 }]}>
          {outcome === 'transferred' ? <AutoComplete options={INSTITUTION_OPTIONS} showSearch={{ filterOption: true }} placeholder="可选择或直接填写" /> : <Input placeholder={needed ? '如：四川省富顺县东湖镇' : '可不填'} />}
        </Form.Item>
      </Col>
    </Row>
  );
}
