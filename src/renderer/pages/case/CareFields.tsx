/**
 * What the steps of care cases record: an assessment (tool, score — the grade follows from it — or the
 * worker's own grading), the service plan, the discharge with its follow-up date, and the resettlement.
 */
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { gradeOf, PSYCH_GRADES, PSYCH_TOOLS, RESETTLEMENT_KINDS, type PsychGrade, type PsychTool } from '../../../shared/domain/care-cases';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const TOOL_OPTIONS = options(PSYCH_TOOLS);
const GRADE_OPTIONS = options(PSYCH_GRADES);
const RESETTLEMENT_OPTIONS = options(RESETTLEMENT_KINDS);

export const GRADE_COLORS: Record<PsychGrade, string> = { high: 'error', medium: 'warning', low: 'success' };

export function AssessmentFields() {
  const tool = Form.useWatch<PsychTool | undefined>('psychTool');
  const score = Form.useWatch<number | null | undefined>('psychScore');
  const grade = tool && tool !== 'other' ? gradeOf(tool, score ?? undefined, undefined) : null;
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Form.Item name="psychTool" label="评估工具" rules={[{ required: true, message: '请选择评估工具' }]}>
          <Select options={TOOL_OPTIONS} placeholder="请选择" />
        </Form.Item>
      </Col>
      {tool === 'other' ? (
        <Col xs={24} md={8}>
          <Form.Item name="psychGrade" label="风险等级" rules={[{ required: true, message: '请选择风险等级' }]}>
            <Select options={GRADE_OPTIONS} placeholder="按专业判断选择" />
          </Form.Item>
        </Col>
      ) : (
        <Col xs={24} md={8}>
          <Form.Item
            name="psychScore"
            label="困难总分（0–40）"
            rules={[{ required: true, message: '请填写评估得分' }]}
            extra={grade ? <Tag color={GRADE_COLORS[grade]}>{PSYCH_GRADES[grade]}</Tag> : '按 SDQ 划界分自动分级'}
          >
            <InputNumber min={0} max={40} precision={0} suffix="分" style={{ width: 140 }} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

export function PlanFields() {
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="planGoals" label="服务目标" rules={[{ required: true, whitespace: true, message: '请填写服务目标' }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：改善情绪，恢复正常上学" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="planMeasures" label="服务措施" rules={[{ required: true, whitespace: true, message: '请填写服务措施' }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如：每周一次个体咨询；联系学校心理老师；监护人亲职指导" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="counsellor" label="服务人员（机构）" rules={[{ required: true, whitespace: true, message: '请填写服务人员或机构' }]}>
          <Input maxLength={60} placeholder="如：县心理健康服务中心 王老师" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="sessionsPlanned" label="计划服务次数">
          <InputNumber min={1} max={100} precision={0} suffix="次" style={{ width: 140 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function DischargeFields() {
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="dischargeSummary" label="结案评估" rules={[{ required: true, whitespace: true, message: '请填写结案评估' }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="服务目标达成情况、儿童现状、后续建议" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="followUpOn" label="首次随访日期" rules={[{ required: true, message: '请选择随访日期' }]} extra="按风险等级默认：一级 1 个月、二级 3 个月、三级 6 个月">
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ResettlementFields({ required }: { required: boolean }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="resettlementKind" label="安置方式" rules={[{ required, message: '请选择安置方式' }]}>
          <Select options={RESETTLEMENT_OPTIONS} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="resettlementDetail" label="安置去向" rules={[{ required, whitespace: true, message: '请填写安置去向' }]}>
          <Input maxLength={200} placeholder="如：县职业中专（2026 级）、某公司、公租房地址" />
        </Form.Item>
      </Col>
    </Row>
  );
}
