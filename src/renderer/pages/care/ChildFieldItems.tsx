/** The fields of a child's file, for registering a child and for editing the file. */
import { AutoComplete, Col, Divider, Form, Input, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import { idProblemOf } from '../../components/ledger/id-check';
import { CATEGORY_OPTIONS, CAUSE_OPTIONS, GUARDIAN_RELATION_OPTIONS, GUARDIANSHIP_OPTIONS, PAIRING_KIND_OPTIONS } from './care-options';
import type { ChildFieldValues } from './child-fields';
import { DirectorField, type ChildPlace } from './DirectorField';

/** A guardian's ID number is optional; when given it must be a valid one. */
const guardianIdRules: FormRule[] = [
  { max: 30 },
  {
    validator: async (_rule, value: unknown) => {
      const problem = typeof value === 'string' && value.trim() ? idProblemOf(value) : null;
      if (problem) throw new Error(problem);
    },
  },
];

const text = (max: number): FormRule[] => [{ max, message: `最多 ${max} 个字` }];

interface Props {
  place: ChildPlace | null;
  keepDirectorId?: string | null;
}

export function ChildFieldItems({ place, keepDirectorId }: Props) {
  const category = Form.useWatch<ChildFieldValues['category'] | undefined>('category');
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="category" label="儿童类别" rules={[{ required: true, message: '请选择儿童类别' }]}>
            <Select options={CATEGORY_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={12}>
          {category === 'in_difficulty' && (
            <Form.Item name="cause" label="困境原因" rules={[{ required: true, message: '请选择困境原因' }]}>
              <Select options={CAUSE_OPTIONS} placeholder="请选择" />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item name="guardianship" label="监护情况" rules={[{ required: true, message: '请选择监护情况' }]}>
            <Select options={GUARDIANSHIP_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="directorId" label="儿童主任">
            <DirectorField place={place} keepId={keepDirectorId} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        监护人
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="guardianName" label="监护人姓名" rules={text(30)}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="guardianRelation" label="与儿童关系" rules={text(20)}>
            <AutoComplete options={GUARDIAN_RELATION_OPTIONS} maxLength={20} showSearch={{ filterOption: true }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="guardianIdNumber" label="监护人身份证号" rules={guardianIdRules} validateTrigger="onBlur">
            <Input maxLength={30} autoComplete="off" className="mono-input" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="guardianPhone" label="监护人电话" rules={text(30)}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        就学与健康
      </Divider>
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="school" label="就读学校" rules={text(60)}>
            <Input maxLength={60} autoComplete="off" placeholder="如：城关镇中心小学三年级；未入学的写明原因" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="health" label="健康状况" rules={text(200)}>
            <Input maxLength={200} autoComplete="off" placeholder="如：健康；患有某种疾病" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="disability" label="残疾情况" rules={text(200)}>
            <Input maxLength={200} autoComplete="off" placeholder="如：无；肢体二级" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        一对一结对帮扶
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="pairingName" label="结对人姓名" rules={text(30)}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="pairingKind" label="结对人身份">
            <Select options={PAIRING_KIND_OPTIONS} placeholder="请选择" allowClear />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="pairingPhone" label="结对人电话" rules={text(30)}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
