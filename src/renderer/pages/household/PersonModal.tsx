/** Editing a member of a household, or adding one; either way with the reason for the change. */
import { App, Form } from 'antd';
import type { Member } from '../../../shared/api/contract';
import { reportError, withFieldPaths } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { memberInput, PersonFieldItems, type PersonFieldValues } from '../../components/ledger/PersonFieldItems';
import { ReasonField } from '../../components/ledger/ReasonField';
import { HOUSEHOLD_WRITES } from './invalidates';

type PersonValues = PersonFieldValues & { reason: string };

interface Props {
  open: boolean;
  householdId: string;
  /** The member to edit, or null to add one. */
  editing: Member | null;
  onClose: () => void;
}

function valuesOf(m: Member): Partial<PersonValues> {
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
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonValues>();
  const update = useWrite('persons.update', HOUSEHOLD_WRITES);
  const add = useWrite('persons.add', HOUSEHOLD_WRITES);

  const submit = async (values: PersonValues) => {
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, ...memberInput(values), reason: values.reason });
        message.success(`已保存 ${values.name.trim()} 的信息`);
      } else {
        await add.mutateAsync({ householdId, member: memberInput(values), reason: values.reason });
        message.success(`已添加成员 ${values.name.trim()}`);
      }
      onClose();
    } catch (err) {
      // The new member's fields sit at the top of this form, not under 'member'.
      reportError(
        withFieldPaths(err, (path) => (path[0] === 'member' ? path.slice(1) : path)),
        form,
      );
    }
  };

  return (
    <FormModal<PersonValues>
      open={open}
      title={editing ? `编辑成员：${editing.name}` : '添加家庭成员'}
      okText="保存"
      form={form}
      width={640}
      initialValues={editing ? valuesOf(editing) : { ethnicity: '汉族' }}
      saving={update.isPending || add.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <PersonFieldItems unchangedIdNumber={editing?.idNumber} />
      <ReasonField placeholder={editing ? '如：核对户口簿后更正身份证号码' : '如：新生儿落户、婚入'} />
    </FormModal>
  );
}
