/** 登记老人: a person of 60 or more already in the ledger enters the file of elderly with special difficulties. */
import { App, Form } from 'antd';
import { useState } from 'react';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { PersonCandidateSelect, personLabel, type CandidateOf } from '../../components/ledger/PersonCandidateSelect';
import { ElderFieldItems, elderFieldsInput, type ElderFieldValues } from './ElderFieldItems';
import { ELDER_WRITES } from './invalidates';

type RegisterValues = ElderFieldValues & { personId: string };

interface Props {
  open: boolean;
  onClose: () => void;
  /** Called with the new file's person, so the page can open it. */
  onRegistered: (personId: string) => void;
}

export function RegisterElderModal({ open, onClose, onRegistered }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [picked, setPicked] = useState<CandidateOf<'elderly.elders.candidates'> | null>(null);
  const register = useWrite('elderly.elders.register', ELDER_WRITES);

  const submit = async (values: RegisterValues) => {
    try {
      await register.mutateAsync({ personId: values.personId, ...elderFieldsInput(values) });
      message.success(`已登记：${picked?.name ?? '老人'}`);
      setPicked(null);
      onRegistered(values.personId);
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<RegisterValues>
      open={open}
      title="登记特殊困难老年人"
      okText="登记"
      form={form}
      width={640}
      saving={register.isPending}
      onCancel={() => {
        setPicked(null);
        onClose();
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="personId" label="登记对象" rules={[{ required: true, message: '请查找并选择要登记的老人' }]} extra="老人须先作为家庭成员在对象台账登记；已结案的档案再次登记即重新建档">
        <PersonCandidateSelect method="elderly.elders.candidates" labelOf={personLabel} whoQualifies="须为对象台账中年满 60 周岁、尚未建档的在世人员" onPick={setPicked} />
      </Form.Item>
      <ElderFieldItems />
    </FormModal>
  );
}
