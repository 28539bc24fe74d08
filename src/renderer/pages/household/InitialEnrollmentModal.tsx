/**
 * 建账录入: the administrator enters a beneficiary the county already pays, when the ledger is first
 * built, without the approval workflow. Cross-program conflicts are refused by the server, naming the
 * other record.
 */
import { Alert, App, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { HouseholdDetail } from '../../../shared/api/contract';
import { formatYuan } from '../../../shared/domain/money';
import { isHouseholdProgram, PROGRAM_CATEGORIES, PROGRAM_LABELS, PROGRAMS, type Program } from '../../../shared/domain/programs';
import { standardItemFor } from '../../../shared/domain/standards';
import { isApiError } from '../../api/api-error';
import { reportError, withFieldPaths } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { fenOf, yuanRules } from '../../components/ledger/money-rules';
import { ReasonField } from '../../components/ledger/ReasonField';
import { standardInForce } from '../../components/ledger/standard-in-force';
import { HOUSEHOLD_WRITES } from './invalidates';

interface EnrollValues {
  program: Program;
  category?: string;
  personIds?: string[];
  personId?: string;
  startMonth: Dayjs;
  amount: string;
  reason: string;
}

const PROGRAM_OPTIONS = PROGRAMS.map((p) => ({ value: p, label: PROGRAM_LABELS[p] }));

interface Props {
  open: boolean;
  household: HouseholdDetail;
  onClose: () => void;
}

export function InitialEnrollmentModal({ open, household, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrollValues>();
  const [conflict, setConflict] = useState<string | null>(null);
  const create = useWrite('enrollments.createInitial', HOUSEHOLD_WRITES);
  const standards = useRead('standards.list', {}, { enabled: open });
  const program = Form.useWatch('program', form);
  const category = Form.useWatch('category', form);
  const startMonth = Form.useWatch('startMonth', form);
  const categories = program ? PROGRAM_CATEGORIES[program] : undefined;
  const byHousehold = program ? isHouseholdProgram(program) : false;
  const memberOptions = household.members.map((m) => ({ value: m.id, label: `${m.name}（${m.age} 岁）` }));

  const item = program ? standardItemFor(program, category ?? null, household.hukouType) : null;
  const standard = item && startMonth && standards.data ? standardInForce(standards.data, item, `${startMonth.format('YYYY-MM')}-01`) : undefined;

  const close = () => {
    setConflict(null);
    onClose();
  };

  const submit = async (values: EnrollValues) => {
    setConflict(null);
    const coversHousehold = isHouseholdProgram(values.program);
    try {
      await create.mutateAsync({
        householdId: household.id,
        program: values.program,
        personIds: coversHousehold ? (values.personIds ?? []) : values.personId ? [values.personId] : [],
        category: values.category ?? null,
        startMonth: values.startMonth.format('YYYY-MM'),
        monthlyAmountFen: fenOf(values.amount),
        reason: values.reason,
      });
      message.success(`已录入${PROGRAM_LABELS[values.program]}在保记录`);
      close();
    } catch (err) {
      if (isApiError(err, 'CONFLICT')) {
        setConflict(err.message);
        message.warning(err.message);
        return;
      }
      // A person program chooses its one person in 'personId'.
      reportError(
        withFieldPaths(err, (path) => (!coversHousehold && path[0] === 'personIds' ? ['personId'] : path)),
        form,
      );
    }
  };

  return (
    <FormModal<EnrollValues>
      open={open}
      title="建账录入在保记录"
      okText="录入"
      form={form}
      width={600}
      initialValues={{ personIds: household.members.map((m) => m.id) }}
      saving={create.isPending}
      onCancel={close}
      onFinish={(v) => void submit(v)}
    >
      <Alert
        type="info"
        showIcon
        className="modal-alert"
        title="仅用于建立台账时录入已经在保的对象；新申请请走审批流程。"
      />
      {conflict && <Alert type="warning" showIcon className="modal-alert" title="与已有在保记录冲突" description={conflict} />}
      <Form.Item name="program" label="保障项目" rules={[{ required: true, message: '请选择保障项目' }]}>
        <Select
          options={PROGRAM_OPTIONS}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={() => {
            form.setFieldValue('category', undefined);
            setConflict(null);
          }}
        />
      </Form.Item>
      {categories && (
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={Object.entries(categories).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      )}
      {program &&
        (byHousehold ? (
          <Form.Item name="personIds" label="保障对象" extra="按户保障：勾选纳入保障的家庭成员" rules={[{ required: true, message: '请至少选择一名成员' }]}>
            <Checkbox.Group options={memberOptions} />
          </Form.Item>
        ) : (
          <Form.Item name="personId" label="保障对象" extra="按人保障：选择一名家庭成员" rules={[{ required: true, message: '请选择保障对象' }]}>
            <Select options={memberOptions} placeholder="请选择家庭成员" />
          </Form.Item>
        ))}
      <Form.Item name="startMonth" label="起始月份" rules={[{ required: true, message: '请选择起始月份' }]}>
        <DatePicker picker="month" format="YYYY-MM" placeholder="请选择月份" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="amount"
        label="月保障金额（元）"
        rules={yuanRules('月保障金额')}
        extra={
          standard ? (
            <Typography.Text type="secondary">
              参考：{standard.label} {formatYuan(standard.amountFen)} 元/人·月（{standard.effectiveFrom} 起执行）
            </Typography.Text>
          ) : undefined
        }
      >
        <Input autoComplete="off" suffix="元" placeholder="如 600 或 600.50" style={{ width: 200 }} className="mono-input" />
      </Form.Item>
      <ReasonField placeholder="如：原纸质台账在保对象，建账补录" />
    </FormModal>
  );
}
