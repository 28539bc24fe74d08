/** The active organisations serving a township (the county-wide ones and its own), to refer a need to. */
import { Select } from 'antd';
import type { Organisation } from '../../../shared/api/referrals.schemas';
import { ORGANISATION_KIND_LABELS } from '../../../shared/domain/referrals';
import { useRead } from '../../api/queries';

export function organisationLabel(o: Organisation): string {
  return `${o.name}（${ORGANISATION_KIND_LABELS[o.kind]}${o.townshipName ? ` · ${o.townshipName}` : ''}）`;
}

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The household's township; nothing is offered until it is known. */
  townshipId: string | undefined;
}

export function OrganisationSelect({ id, value, onChange, townshipId }: Props) {
  const organisations = useRead('referrals.organisations.list', { activeOnly: true, townshipId }, { enabled: townshipId !== undefined });
  const options = (organisations.data ?? []).map((o) => ({ value: o.id, label: organisationLabel(o), title: o.services ?? undefined }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      disabled={townshipId === undefined}
      loading={townshipId !== undefined && organisations.isPending}
      placeholder={townshipId === undefined ? '请先选择转介对象' : '请选择帮扶机构'}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent="没有可选的帮扶机构，请先在“帮扶机构”中登记"
      allowClear
    />
  );
}
