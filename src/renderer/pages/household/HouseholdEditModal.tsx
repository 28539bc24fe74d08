/** Editing where a household lives, its hukou, phone and bank; its township stays. */
import { App, Form } from 'antd';
import type { HouseholdDetail } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { HouseholdFieldItems, householdInput, type HouseholdFieldValues } from '../../components/ledger/HouseholdFieldItems';
import { ReasonField } from '../../components/ledger/ReasonField';
import { HOUSEHOLD_WRITES } from './invalidates';

type EditValues = HouseholdFieldValues & { reason: string };

interface Props {
  open: boolean;
  household: HouseholdDetail;
  onClose: () => void;
}

export function HouseholdEditModal({ open, household, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useWrite('households.update', HOUSEHOLD_WRITES);

  const submit = async (values: EditValues) => {
    try {
      await update.mutateAsync({ id: household.id, ...householdInput(values), reason: values.reason });
      message.success('家庭信息已保存');
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<EditValues>
      open={open}
      title={`编辑家庭信息（${household.townshipName}）`}
      okText="保存"
      form={form}
      width={640}
      initialValues={{
        villageId: household.villageId,
        address: household.address,
        hukouType: household.hukouType,
        phone: household.phone ?? undefined,
        bankName: household.bankName ?? undefined,
        bankAccount: household.bankAccount ?? undefined,
        notes: household.notes ?? undefined,
      }}
      saving={update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <HouseholdFieldItems townshipId={household.townshipId} keepVillageId={household.villageId} maskedBankAccount={household.bankAccount} span={12} />
      <ReasonField />
    </FormModal>
  );
}
