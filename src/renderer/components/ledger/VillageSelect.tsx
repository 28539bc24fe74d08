import { Select } from 'antd';
import { useRead } from '../../api/queries';

interface Props {
  townshipId: string | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** A village the record already has stays choosable even when it has been disabled since. */
  keepId?: string | null;
  placeholder?: string;
  /** Shown while no township is chosen. */
  idlePlaceholder?: string;
  id?: string;
  className?: string;
  'aria-label'?: string;
}

/** The villages (communities) of one township; empty until a township is chosen. */
export function VillageSelect({ townshipId, value, onChange, keepId, placeholder = '请选择村（社区）', idlePlaceholder = '请先选择乡镇（街道）', ...rest }: Props) {
  const villages = useRead('regions.villages', { townshipId: townshipId ?? '' }, { enabled: Boolean(townshipId) });
  const options = (villages.data ?? [])
    .filter((v) => v.active || v.id === keepId || v.id === value)
    .map((v) => ({ value: v.id, label: v.active ? v.name : `${v.name}（已停用）` }));
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={Boolean(townshipId) && villages.isPending}
      disabled={!townshipId}
      placeholder={townshipId ? placeholder : idlePlaceholder}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent="该乡镇（街道）没有村（社区）"
    />
  );
}
