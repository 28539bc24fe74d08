/** 修改档案: the same fields as registering, with the reason for the change. */
import type { ChildDetail } from '../../../shared/api/care.schemas';
import { useWrite } from '../../api/queries';
import { ReasonEditModal } from '../../components/ledger/ReasonEditModal';
import { ChildFieldItems } from './ChildFieldItems';
import { childFieldsInput, childFieldValuesOf, type ChildFieldValues } from './child-fields';
import { CARE_WRITES } from './invalidates';

interface Props {
  open: boolean;
  child: ChildDetail;
  onClose: () => void;
}

export function EditChildModal({ open, child, onClose }: Props) {
  const update = useWrite('care.children.update', CARE_WRITES);
  return (
    <ReasonEditModal<ChildFieldValues>
      open={open}
      title={`修改档案：${child.name}`}
      width={760}
      initialValues={childFieldValuesOf(child.fields)}
      saving={update.isPending}
      save={(values) => update.mutateAsync({ personId: child.personId, ...childFieldsInput(values), reason: values.reason })}
      saved="档案已保存"
      reasonPlaceholder="如：监护人变更、入户核实后更正"
      onClose={onClose}
    >
      <ChildFieldItems place={{ townshipId: child.townshipId, villageName: child.villageName }} keepDirectorId={child.fields.directorId} />
    </ReasonEditModal>
  );
}
