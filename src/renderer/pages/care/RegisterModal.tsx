/** 登记儿童: a person already in the ledger enters the child ledger with their category, guardianship and carers. */
import { App, Form } from 'antd';
import { useState } from 'react';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { PersonCandidateSelect, personLabel, type CandidateOf } from '../../components/ledger/PersonCandidateSelect';
import { ChildFieldItems } from './ChildFieldItems';
import { childFieldsInput, type ChildFieldValues } from './child-fields';
import { CARE_WRITES } from './invalidates';

type RegisterValues = ChildFieldValues & { personId: string };

interface Props {
  open: boolean;
  onClose: () => void;
  /** Called with the new file's person, so the page can open it. */
  onRegistered: (personId: string) => void;
}

export function RegisterModal({ open, onClose, onRegistered }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [picked, setPicked] = useState<CandidateOf<'care.children.candidates'> | null>(null);
  const register = useWrite('care.children.register', CARE_WRITES);

  const submit = async (values: RegisterValues) => {
    try {
      await register.mutateAsync({ personId: values.personId, ...childFieldsInput(values) });
      message.success(`已登记：${picked?.name ?? '儿童'}`);
      setPicked(null);
      onRegistered(values.personId);
    } catch (err) {
      reportError(err, form);
    }
  };

  const pick = (candidate: CandidateOf<'care.children.candidates'> | null) => {
    setPicked(candidate);
    // Directors belong to a township: a new child may live elsewhere.
    form.setFieldValue('directorId', null);
  };

  return (
    <FormModal<RegisterValues>
      open={open}
      title="登记儿童"
      okText="登记"
      form={form}
      width={760}
      initialValues={{ guardianship: 'parents' }}
      saving={register.isPending}
      onCancel={() => {
        setPicked(null);
        onClose();
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="personId" label="登记对象" rules={[{ required: true, message: '请查找并选择要登记的儿童' }]} extra="儿童须先作为家庭成员在对象台账登记">
        <PersonCandidateSelect method="care.children.candidates" labelOf={personLabel} whoQualifies="须为对象台账中未满 18 周岁、尚未登记的人员" onPick={pick} />
      </Form.Item>
      <ChildFieldItems place={picked ? { townshipId: picked.townshipId, villageName: picked.villageName } : null} />
    </FormModal>
  );
}
