/**
 * The fields of a rescue record: where and when found, who (a name and ID checked as typed, the ID filling
 * in the sex) or, for someone unidentified, sex, estimated age and 体貌特征; the stay and its services; and,
 * where the record has them, the leaving fields.
 */
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, type FormInstance, type FormRule } from 'antd';
import { checkIdNumber, looksLikeScientificNotation, normalizeIdNumber } from '../../../shared/domain/id-number';
import { IdDerivedText } from '../../components/ledger/IdDerivedText';
import { idProblemOf } from '../../components/ledger/id-check';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { afterToday } from '../../app/date-field';
import { LeaveFieldItems } from './LeaveFieldItems';
import type { RescueValues } from './rescue-fields';
import { FOUND_BY_OPTIONS, SERVICE_OPTIONS, SEX_OPTIONS } from './vagrant-options';

/** The ID number is optional here; a typed one must be valid: checked once 18 characters are in, and on leaving the field. */
const ID_RULES: FormRule[] = [
  {
    validateTrigger: 'onChange',
    validator: async (_rule, value: unknown) => {
      const raw = typeof value === 'string' ? value : '';
      if (normalizeIdNumber(raw).length < 18 && !looksLikeScientificNotation(raw)) return;
      const problem = idProblemOf(raw);
      if (problem) throw new Error(problem);
    },
  },
  {
    validateTrigger: 'onBlur',
    validator: async (_rule, value: unknown) => {
      const raw = typeof value === 'string' ? value : '';
      const problem = raw.trim() ? idProblemOf(raw) : null;
      if (problem) throw new Error(problem);
    },
  },
];

interface Props {
  form: FormInstance<RescueValues>;
  /** A township clerk records in their own township only. */
  fixedTownshipId: string | null;
  /** The record has left: its leaving fields are edited with the rest. */
  withLeaving: boolean;
}

export function RescueFieldItems({ form, fixedTownshipId, withLeaving }: Props) {
  const known = Form.useWatch('identityKnown', form) ?? true;
  const idNumber = Form.useWatch('idNumber', form);

  // A valid ID number says the sex: fill it in, as the ledger's forms do.
  const fillSex = (raw: string) => {
    const checked = checkIdNumber(raw);
    if (checked.ok) form.setFieldValue('sex', checked.info.sex);
  };

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="townshipId" label="发现地乡镇（街道）" rules={[{ required: true, message: '请选择发现地所在乡镇（街道）' }]}>
            <TownshipSelect disabled={fixedTownshipId !== null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="foundBy" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
            <Select options={FOUND_BY_OPTIONS} placeholder="公安移送、街面巡查……" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="foundOn" label="发现日期" rules={[{ required: true, message: '请选择发现日期' }]}>
            <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="foundPlace" label="发现地点" rules={[{ required: true, whitespace: true, message: '请填写发现地点' }, { min: 2, message: '请填写发现地点（至少 2 个字）' }, { max: 100 }]}>
            <Input placeholder="如：城关街道汽车站候车厅" />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item name="identityKnown" label="身份" valuePropName="checked">
        <Switch checkedChildren="身份已知" unCheckedChildren="身份不明" />
      </Form.Item>
      <Row gutter={16}>
        {known ? (
          <>
            <Col span={8}>
              <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="idNumber" label="身份证号码" rules={ID_RULES} validateTrigger={['onChange', 'onBlur']} validateFirst extra={<IdDerivedText idNumber={idNumber} />}>
                <Input className="mono-input" maxLength={30} placeholder="不知道可不填" onChange={(e) => fillSex(e.target.value)} />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col span={8}>
          <Form.Item name="sex" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
            <Radio.Group options={SEX_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="estimatedAge" label="估计年龄" rules={known ? [] : [{ required: true, message: '请填写估计年龄' }]} extra={known ? '有身份证号码时按号码计算' : undefined}>
            <InputNumber min={0} max={120} precision={0} suffix="岁" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="nativePlace" label="籍贯（户籍地）" rules={[{ max: 60 }]}>
            <Input placeholder="如：四川省富顺县" />
          </Form.Item>
        </Col>
      </Row>
      {!known && (
        <Form.Item name="description" label="体貌特征" rules={[{ required: true, whitespace: true, message: '请填写体貌特征' }, { min: 2, message: '请填写体貌特征（至少 2 个字）' }, { max: 500 }]}>
          <Input.TextArea rows={2} placeholder="身高、体型、发型、衣着、口音、明显特征……" />
        </Form.Item>
      )}

      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="admittedOn" label="入站日期" rules={[{ required: true, message: '请选择入站日期' }]}>
            <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="services" label="救助服务" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项救助服务' }]}>
        <Checkbox.Group options={SERVICE_OPTIONS} />
      </Form.Item>
      {withLeaving && <LeaveFieldItems />}
      <Form.Item name="notes" label="备注" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
