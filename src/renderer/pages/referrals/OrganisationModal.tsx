/** Adding or editing a 帮扶机构: name, kind, whom it serves (the county, or one township), services, contact. */
import { Form, Input, Select, Switch } from 'antd';
import type { Organisation } from '../../../shared/api/referrals.schemas';
import type { OrganisationKind } from '../../../shared/domain/referrals';
import { useWrite } from '../../api/queries';
import { SaveFormModal } from '../../components/SaveFormModal';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { REFERRAL_WRITES } from './invalidates';
import { ORGANISATION_KIND_OPTIONS } from './referral-options';

interface OrganisationValues {
  name: string;
  kind: OrganisationKind;
  /** None: serves the whole county. */
  townshipId?: string;
  services?: string;
  contactName?: string;
  phone?: string;
  active: boolean;
}

interface Props {
  open: boolean;
  /** The organisation to edit, or null to add one. */
  editing: Organisation | null;
  /** A township clerk's own township: their organisations serve it only. */
  fixedTownshipId: string | null;
  onClose: () => void;
}

export function OrganisationModal({ open, editing, fixedTownshipId, onClose }: Props) {
  const save = useWrite('referrals.organisations.save', REFERRAL_WRITES);

  const initialValues: Partial<OrganisationValues> = editing
    ? { name: editing.name, kind: editing.kind, townshipId: editing.townshipId ?? undefined, services: editing.services ?? undefined, contactName: editing.contactName ?? undefined, phone: editing.phone ?? undefined, active: editing.active }
    : { townshipId: fixedTownshipId ?? undefined, active: true };

  return (
    <SaveFormModal<OrganisationValues>
      open={open}
      title={editing ? `编辑帮扶机构：${editing.name}` : '登记帮扶机构'}
      width={560}
      initialValues={initialValues}
      saving={save.isPending}
      save={(values) =>
        save.mutateAsync({
          ...(editing ? { id: editing.id } : {}),
          name: values.name,
          kind: values.kind,
          townshipId: fixedTownshipId ?? values.townshipId ?? null,
          services: values.services?.trim() || null,
          contactName: values.contactName?.trim() || null,
          phone: values.phone?.trim() || null,
          active: values.active,
        })
      }
      saved={(values) => (editing ? '帮扶机构已保存' : `已登记帮扶机构：${values.name.trim()}`)}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="机构或项目名称"
        rules={[
          { required: true, whitespace: true, message: '请填写机构名称' },
          { min: 2, message: '请填写机构名称（至少 2 个字）' },
          { max: 60 },
        ]}
      >
        <Input maxLength={60} autoComplete="off" placeholder="如：县人民医院、春蕾计划" />
      </Form.Item>
      <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={ORGANISATION_KIND_OPTIONS} placeholder="请选择" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="townshipId" label="服务范围" extra={fixedTownshipId ? '乡镇（街道）经办员登记的机构只服务本乡镇（街道）' : '不选则服务全县'}>
        <TownshipSelect disabled={fixedTownshipId !== null} allowClear placeholder="全县" />
      </Form.Item>
      <Form.Item name="services" label="服务内容" rules={[{ max: 300 }]}>
        <Input.TextArea rows={2} maxLength={300} placeholder="如：儿童青少年心理评估、个体辅导" />
      </Form.Item>
      <Form.Item name="contactName" label="联系人" rules={[{ max: 30 }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ max: 30 }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="active" label="在用" valuePropName="checked">
        <Switch checkedChildren="在用" unCheckedChildren="停用" />
      </Form.Item>
    </SaveFormModal>
  );
}
