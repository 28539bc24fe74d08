/**
 * 新建转介: a need of a person (or their whole household) referred to an organisation, with the day it was
 * referred and when an answer is expected. The case page opens it preset to a case's household or child,
 * with the person search hidden.
 */
import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ReferralCandidate } from '../../../shared/api/referrals.schemas';
import type { NeedKind } from '../../../shared/domain/referrals';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { afterToday } from '../../app/date-field';
import { FormModal } from '../../components/FormModal';
import { REFERRAL_WRITES } from './invalidates';
import { OrganisationSelect } from './OrganisationSelect';
import { PersonCandidateSelect } from '../../components/ledger/PersonCandidateSelect';
import { DEFAULT_DUE_DAYS, NEED_KIND_OPTIONS, referralCandidateLabel } from './referral-options';

export interface ReferralPreset {
  householdId: string;
  /** The member concerned; without it the referral is the household's. */
  personId?: string;
  /** The approval case it comes from. */
  caseId?: string;
  /** Shown instead of the person search, e.g. “张小明（案件 2026-00012）”. */
  label?: string;
}

interface ReferralValues {
  personId?: string;
  wholeHousehold?: boolean;
  needKind: NeedKind;
  need: string;
  organisationId: string;
  referredOn: Dayjs;
  dueOn: Dayjs;
}

interface Props {
  open: boolean;
  onClose: () => void;
  preset?: ReferralPreset;
  /** Called with the new referral, so a page can open it. */
  onCreated?: (id: string) => void;
}

export function ReferralModal({ open, onClose, preset, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReferralValues>();
  const [picked, setPicked] = useState<ReferralCandidate | null>(null);
  const referredOn = Form.useWatch('referredOn', form);
  const create = useWrite('referrals.create', REFERRAL_WRITES);
  // A preset names the household only: its township says which organisations serve it.
  const household = useRead('households.get', { id: preset?.householdId ?? '' }, { enabled: open && preset !== undefined });
  const townshipId = preset ? household.data?.townshipId : picked?.townshipId;

  const close = () => {
    setPicked(null);
    onClose();
  };

  const submit = async (values: ReferralValues) => {
    const householdId = preset?.householdId ?? picked?.householdId;
    if (!householdId) return;
    const personId = preset ? (preset.personId ?? null) : values.wholeHousehold ? null : (values.personId ?? null);
    try {
      const saved = await create.mutateAsync({
        householdId,
        personId,
        needKind: values.needKind,
        need: values.need,
        organisationId: values.organisationId,
        referredOn: values.referredOn.format('YYYY-MM-DD'),
        dueOn: values.dueOn.format('YYYY-MM-DD'),
        caseId: preset?.caseId ?? null,
      });
      message.success(`已转介，编号 ${saved.referralNo}`);
      setPicked(null);
      onClose();
      onCreated?.(saved.id);
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<ReferralValues>
      open={open}
      title="新建转介"
      okText="转介"
      form={form}
      width={640}
      initialValues={{ referredOn: dayjs(), dueOn: dayjs().add(DEFAULT_DUE_DAYS, 'day'), wholeHousehold: false }}
      saving={create.isPending}
      onCancel={close}
      onFinish={(v) => void submit(v)}
    >
      {preset ? (
        <Form.Item label="转介对象">{preset.label ?? (preset.personId ? '案件当事人' : '案件所在家庭（全户）')}</Form.Item>
      ) : (
        <>
          <Form.Item name="personId" label="转介对象" rules={[{ required: true, message: '请查找并选择转介对象' }]} extra="对象须先在对象台账登记">
            <PersonCandidateSelect
              method="referrals.candidates"
              labelOf={referralCandidateLabel}
              whoQualifies="须为对象台账中已登记的人员"
              onPick={(candidate) => {
                setPicked(candidate);
                // Organisations serve a township: a person elsewhere needs another choice.
                form.setFieldValue('organisationId', undefined);
              }}
            />
          </Form.Item>
          <Form.Item name="wholeHousehold" valuePropName="checked">
            <Checkbox>这是全户的需求（不指定成员）</Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item name="needKind" label="需求类别" rules={[{ required: true, message: '请选择需求类别' }]}>
        <Select options={NEED_KIND_OPTIONS} placeholder="请选择" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="need"
        label="需求描述"
        rules={[
          { required: true, whitespace: true, message: '请写明需求' },
          { min: 2, message: '请写明需求（至少 2 个字）' },
          { max: 500 },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：孩子受惊吓后夜间失眠，需要心理疏导" />
      </Form.Item>
      <Form.Item name="organisationId" label="帮扶机构" rules={[{ required: true, message: '请选择帮扶机构' }]}>
        <OrganisationSelect townshipId={townshipId} />
      </Form.Item>
      <div className="referral-dates">
        <Form.Item name="referredOn" label="转介日期" rules={[{ required: true, message: '请选择转介日期' }]}>
          <DatePicker
            disabledDate={afterToday}
            allowClear={false}
            style={{ width: 200 }}
            onChange={(day: Dayjs | null) => {
              if (day) form.setFieldValue('dueOn', day.add(DEFAULT_DUE_DAYS, 'day'));
            }}
          />
        </Form.Item>
        <Form.Item name="dueOn" label="反馈期限" rules={[{ required: true, message: '请选择反馈期限' }]} extra="过了期限仍未办结的转介列为逾期">
          <DatePicker disabledDate={(day) => Boolean(referredOn) && day.isBefore(referredOn, 'day')} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
