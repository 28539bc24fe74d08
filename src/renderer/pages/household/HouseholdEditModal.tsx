/** Editing where a household lives, its hukou, phone and bank; its township stays. */
import type { HouseholdDetail } from '../../../shared/api/contract';
import { useWrite } from '../../api/queries';
import { HouseholdFieldItems, householdInput, type HouseholdFieldValues } from '../../components/ledger/HouseholdFieldItems';
import { ReasonEditModal } from '../../components/ledger/ReasonEditModal';
import { HOUSEHOLD_WRITES } from './invalidates';

interface Props {
  open: boolean;
  household: HouseholdDetail;
  onClose: () => void;
}

export function HouseholdEditModal({ open, household, onClose }: Props) {
  const update = useWrite('households.update', HOUSEHOLD_WRITES);
  return (
    <ReasonEditModal<HouseholdFieldValues>
      open={open}
      title={`编辑家庭信息（${household.townshipName}）`}
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
      save={(values) => update.mutateAsync({ id: household.id, ...householdInput(values), reason: values.reason })}
      saved="家庭信息已保存"
      onClose={onClose}
    >
      <HouseholdFieldItems townshipId={household.townshipId} keepVillageId={household.villageId} maskedBankAccount={household.bankAccount} span={12} />
    </ReasonEditModal>
  );
}
