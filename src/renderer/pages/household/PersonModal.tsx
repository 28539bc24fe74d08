/** Editing a member of a household, or adding one; either way with the reason for the change. */
import type { Member } from '../../../shared/api/contract';
import { useWrite } from '../../api/queries';
import { memberInput, PersonFieldItems, type PersonFieldValues } from '../../components/ledger/PersonFieldItems';
import { ReasonEditModal } from '../../components/ledger/ReasonEditModal';
import { HOUSEHOLD_WRITES } from './invalidates';

interface Props {
  open: boolean;
  householdId: string;
  /** The member to edit, or null to add one. */
  editing: Member | null;
  onClose: () => void;
}

function valuesOf(m: Member): Partial<PersonFieldValues> {
  return {
    name: m.name,
    idNumber: m.idNumber,
    relation: m.relation,
    ethnicity: m.ethnicity ?? undefined,
    disabilityCategory: m.disabilityCategory ?? undefined,
    disabilityGrade: m.disabilityGrade ?? undefined,
    selfCare: m.selfCare ?? undefined,
    health: m.health ?? undefined,
    schoolStatus: m.schoolStatus ?? undefined,
    notes: m.notes ?? undefined,
  };
}

export function PersonModal({ open, householdId, editing, onClose }: Props) {
  const update = useWrite('persons.update', HOUSEHOLD_WRITES);
  const add = useWrite('persons.add', HOUSEHOLD_WRITES);
  return (
    <ReasonEditModal<PersonFieldValues>
      open={open}
      title={editing ? `编辑成员：${editing.name}` : '添加家庭成员'}
      width={640}
      initialValues={editing ? valuesOf(editing) : { ethnicity: '汉族' }}
      saving={update.isPending || add.isPending}
      save={(values) =>
        editing
          ? update.mutateAsync({ id: editing.id, ...memberInput(values), reason: values.reason })
          : add.mutateAsync({ householdId, member: memberInput(values), reason: values.reason })
      }
      saved={(values) => (editing ? `已保存 ${values.name.trim()} 的信息` : `已添加成员 ${values.name.trim()}`)}
      // The new member's fields sit at the top of this form, not under 'member'.
      fieldPaths={(path) => (path[0] === 'member' ? path.slice(1) : path)}
      reasonPlaceholder={editing ? '如：核对户口簿后更正身份证号码' : '如：新生儿落户、婚入'}
      onClose={onClose}
    >
      <PersonFieldItems unchangedIdNumber={editing?.idNumber} />
    </ReasonEditModal>
  );
}
