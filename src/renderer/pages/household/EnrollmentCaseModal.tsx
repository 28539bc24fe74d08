/**
 * Cases on an existing enrollment: 变更 (增发, 减发, 增减保障人口, 户主死亡), 停保, or an early 复核. Each goes
 * through investigation, the township's review and the county's confirmation like a new application.
 */
import { Alert, App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { Enrollment, HouseholdDetail } from '../../../shared/api/contract';
import { RELATION_LABELS } from '../../../shared/domain/household';
import { formatYuan } from '../../../shared/domain/money';
import { PROGRAM_LABELS } from '../../../shared/domain/programs';
import { CHANGE_TYPES, changeTypesFor, type ChangeType } from '../../../shared/domain/workflow/types';
import { reportError, withFieldPaths } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { fenOf, yuanRules } from '../../components/ledger/money-rules';
import { CASE_WRITES } from '../approvals/invalidates';

export type EnrollmentCaseKind = 'enrollment_change' | 'enrollment_stop' | 'periodic_review';

export interface EnrollmentCaseTarget {
  enrollment: Enrollment;
  kind: EnrollmentCaseKind;
}

interface CaseValues {
  changeType?: ChangeType;
  newAmount?: string;
  deceasedPersonId?: string;
  newHeadPersonId?: string;
  coveredPersonIds?: string[];
  effectiveMonth?: Dayjs | null;
  reason: string;
}

const TEXTS: Record<EnrollmentCaseKind, { title: string; ok: string; reason: string; placeholder: string }> = {
  enrollment_change: { title: '保障变更', ok: '发起变更', reason: '变更原因', placeholder: '如：家庭成员新增残疾，申请增发' },
  enrollment_stop: { title: '停止保障', ok: '发起停保', reason: '停保原因', placeholder: '如：家庭收入已超过当地低保标准' },
  periodic_review: { title: '复核', ok: '发起复核', reason: '复核原因', placeholder: '如：年度定期复核' },
};

interface Props {
  open: boolean;
  /** Kept while the modal closes, so its title does not change during the animation. */
  target: EnrollmentCaseTarget | null;
  household: HouseholdDetail;
  onClose: () => void;
}

export function EnrollmentCaseModal({ open, target, household, onClose }: Props) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CaseValues>();
  const start = useWrite('cases.start', CASE_WRITES);
  const changeType = Form.useWatch('changeType', form);
  const deceased = Form.useWatch('deceasedPersonId', form);
  const kind = target?.kind ?? 'enrollment_change';
  const texts = TEXTS[kind];
  const memberOptions = household.members.map((m) => ({ value: m.id, label: `${m.name}（${RELATION_LABELS[m.relation]}）` }));
  // A person program (特困, 高龄…) covers one person: no members to add and no head to replace.
  const changeOptions = target ? changeTypesFor(target.enrollment.program).map((value) => ({ value, label: CHANGE_TYPES[value] })) : [];
  const names = target ? target.enrollment.personIds.map((id) => household.members.find((m) => m.id === id)?.name ?? '（已不在本户）').join('、') : '';

  const submit = async (values: CaseValues) => {
    if (!target) return;
    const changing = kind === 'enrollment_change';
    const memberChange = changing && values.changeType === 'members';
    const amountChange = changing && (values.changeType === 'increase' || values.changeType === 'decrease' || memberChange);
    const headDeath = changing && values.changeType === 'head_death';
    try {
      const { id, caseNo } = await start.mutateAsync({
        kind,
        householdId: household.id,
        enrollmentId: target.enrollment.id,
        reason: values.reason,
        personIds: memberChange ? values.coveredPersonIds : undefined,
        changeType: changing ? values.changeType : undefined,
        newAmountFen: amountChange && values.newAmount ? fenOf(values.newAmount) : undefined,
        deceasedPersonId: headDeath ? values.deceasedPersonId : undefined,
        newHeadPersonId: headDeath ? values.newHeadPersonId : undefined,
        effectiveMonth: kind !== 'periodic_review' && values.effectiveMonth ? values.effectiveMonth.format('YYYY-MM') : undefined,
      });
      message.success(`已发起${texts.title}，案件编号 ${caseNo}`);
      onClose();
      navigate(`/approvals/${id}`);
    } catch (err) {
      reportError(
        withFieldPaths(err, (path) => (path[0] === 'newAmountFen' ? ['newAmount'] : path[0] === 'personIds' ? ['coveredPersonIds'] : path)),
        form,
      );
    }
  };

  return (
    <FormModal<CaseValues>
      open={open && target !== null}
      title={target ? `${texts.title}：${PROGRAM_LABELS[target.enrollment.program]}` : texts.title}
      okText={texts.ok}
      form={form}
      width={560}
      initialValues={{ reason: kind === 'periodic_review' ? '定期复核' : undefined }}
      saving={start.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      {target && (
        <Alert
          type="info"
          showIcon
          className="modal-alert"
          title={`保障对象：${names || '—'}；现月保障金额 ${formatYuan(target.enrollment.monthlyAmountFen)} 元`}
        />
      )}
      {kind === 'enrollment_change' && (
        <>
          <Form.Item name="changeType" label="变更类型" rules={[{ required: true, message: '请选择变更类型' }]}>
            <Select
              options={changeOptions}
              placeholder="请选择"
              style={{ width: 200 }}
              onChange={(type: ChangeType) => {
                // Most often the head who died is the one on record.
                if (type === 'head_death' && !form.getFieldValue('deceasedPersonId')) form.setFieldValue('deceasedPersonId', household.headPersonId ?? undefined);
                // Members join or leave the list covered now.
                if (type === 'members' && !form.getFieldValue('coveredPersonIds') && target) form.setFieldValue('coveredPersonIds', target.enrollment.personIds);
              }}
            />
          </Form.Item>
          {changeType === 'members' && (
            <Form.Item name="coveredPersonIds" label="变更后的保障人员" extra="勾选变更后仍享受保障的家庭成员" rules={[{ required: true, type: 'array', min: 1, message: '请至少保留一名保障人员；全户不再保障请发起停保' }]}>
              <Checkbox.Group options={memberOptions} />
            </Form.Item>
          )}
          {(changeType === 'increase' || changeType === 'decrease' || changeType === 'members') && (
            <Form.Item name="newAmount" label="新月保障金额（元）" rules={yuanRules('新月保障金额')}>
              <Input autoComplete="off" suffix="元" placeholder="如 600 或 600.50" style={{ width: 220 }} className="mono-input" />
            </Form.Item>
          )}
          {changeType === 'head_death' && (
            <>
              <Form.Item name="deceasedPersonId" label="去世的户主" rules={[{ required: true, message: '请选择去世的户主' }]}>
                <Select options={memberOptions} placeholder="请选择家庭成员" />
              </Form.Item>
              <Form.Item name="newHeadPersonId" label="新户主" rules={[{ required: true, message: '请选择新户主' }]}>
                <Select options={memberOptions.filter((o) => o.value !== deceased)} placeholder="请选择家庭成员" />
              </Form.Item>
            </>
          )}
        </>
      )}
      {kind !== 'periodic_review' && (
        <Form.Item name="effectiveMonth" label="生效月份" extra="不填则自审核确认的次月起执行">
          <DatePicker picker="month" format="YYYY-MM" placeholder="请选择月份" style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={texts.reason} rules={[{ required: true, whitespace: true, message: `请填写${texts.reason}` }, { min: 2, message: `${texts.reason}至少 2 个字` }, { max: 500 }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={texts.placeholder} />
      </Form.Item>
    </FormModal>
  );
}
