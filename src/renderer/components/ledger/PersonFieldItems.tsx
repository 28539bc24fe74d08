/** The fields of one person in a modal: name, ID number (sex, birth date, age follow from it), relation, attributes. */
import { AutoComplete, Col, Form, Input, Row, Select } from 'antd';
import type { Relation } from '../../../shared/domain/household';
import { ID_VALIDATE_TRIGGERS, idNumberRules } from './id-check';
import { IdDerivedText } from './IdDerivedText';
import { isMasked, MASKED_HINT } from './masked';
import {
  DISABILITY_GRADE_OPTIONS,
  DISABILITY_OPTIONS,
  ETHNICITY_OPTIONS,
  HEALTH_OPTIONS,
  RELATION_OPTIONS,
  SCHOOL_OPTIONS,
  SELF_CARE_OPTIONS,
} from './person-options';

export interface PersonFieldValues {
  name: string;
  idNumber: string;
  relation: Relation;
  ethnicity?: string;
  disabilityCategory?: string;
  disabilityGrade?: number;
  selfCare?: string;
  health?: string;
  schoolStatus?: string;
  notes?: string;
}

const orNull = <T,>(value: T | undefined | null): T | null => (value === undefined || value === '' ? null : value);

/** The contract's member input from the form's values. */
export function memberInput(values: PersonFieldValues) {
  return {
    name: values.name,
    idNumber: values.idNumber,
    relation: values.relation,
    ethnicity: orNull(values.ethnicity?.trim()),
    disabilityCategory: orNull(values.disabilityCategory),
    disabilityGrade: values.disabilityCategory ? orNull(values.disabilityGrade) : null,
    selfCare: orNull(values.selfCare),
    health: orNull(values.health),
    schoolStatus: orNull(values.schoolStatus),
    notes: orNull(values.notes?.trim()),
  };
}

interface Props {
  /** The ID number as loaded, which need not be checked again when left as it is (it may be masked). */
  unchangedIdNumber?: string;
  /** Relations that cannot be chosen here (a household's second head). */
  disabledRelations?: readonly Relation[];
}

export function PersonFieldItems({ unchangedIdNumber, disabledRelations = [] }: Props) {
  const idNumber = Form.useWatch<string | undefined>('idNumber');
  const disability = Form.useWatch<string | undefined>('disabilityCategory');
  const relationOptions = RELATION_OPTIONS.map((o) => ({ ...o, disabled: disabledRelations.includes(o.value) }));
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30 }]}>
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="relation" label="与户主关系" rules={[{ required: true, message: '请选择与户主关系' }]}>
          <Select options={relationOptions} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="idNumber"
          label="身份证号码"
          rules={idNumberRules(unchangedIdNumber)}
          validateTrigger={ID_VALIDATE_TRIGGERS}
          validateFirst
          extra={
            <>
              <IdDerivedText idNumber={idNumber} />
              {isMasked(unchangedIdNumber) && idNumber === unchangedIdNumber && <div className="masked-hint">{MASKED_HINT}</div>}
            </>
          }
        >
          <Input maxLength={30} autoComplete="off" className="mono-input" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="ethnicity" label="民族" rules={[{ max: 10 }]}>
          <AutoComplete options={ETHNICITY_OPTIONS} showSearch={{ filterOption: true }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="selfCare" label="自理能力">
          <Select options={SELF_CARE_OPTIONS} allowClear placeholder="未填写" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="disabilityCategory" label="残疾类别">
          <Select options={DISABILITY_OPTIONS} allowClear placeholder="无残疾" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="disabilityGrade" label="残疾等级">
          <Select options={DISABILITY_GRADE_OPTIONS} allowClear disabled={!disability} placeholder={disability ? '请选择等级' : '—'} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="health" label="健康状况">
          <Select options={HEALTH_OPTIONS} allowClear placeholder="未填写" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="schoolStatus" label="在学情况">
          <Select options={SCHOOL_OPTIONS} allowClear placeholder="未填写" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label="备注" rules={[{ max: 500 }]}>
          <Input maxLength={500} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
