/** 修改档案: the difficulties and the contact, with the reason for the change. */
import type { ElderDetail } from '../../../shared/api/elderly.schemas';
import { useWrite } from '../../api/queries';
import { ReasonEditModal } from '../../components/ledger/ReasonEditModal';
import { ElderFieldItems, elderFieldsInput, type ElderFieldValues } from './ElderFieldItems';
import { ELDER_WRITES } from './invalidates';

interface Props {
  open: boolean;
  elder: ElderDetail;
  onClose: () => void;
}

export function EditElderModal({ open, elder, onClose }: Props) {
  const update = useWrite('elderly.elders.update', ELDER_WRITES);
  return (
    <ReasonEditModal<ElderFieldValues>
      open={open}
      title={`修改档案：${elder.name}`}
      width={640}
      initialValues={{ difficulties: elder.difficulties, contactName: elder.contactName ?? undefined, contactPhone: elder.contactPhone ?? undefined }}
      saving={update.isPending}
      save={(values) => update.mutateAsync({ personId: elder.personId, ...elderFieldsInput(values), reason: values.reason })}
      saved="档案已保存"
      reasonPlaceholder="如：老伴去世后独居、入户核实后更正"
      onClose={onClose}
    >
      <ElderFieldItems />
    </ReasonEditModal>
  );
}
