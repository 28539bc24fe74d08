import { Select } from 'antd';
import { useRead } from '../../api/queries';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Whether disabled townships are listed (for finding old records) or left out (for new ones). */
  includeInactive?: boolean;
  id?: string;
  className?: string;
  'aria-label'?: string;
}

/** The county's townships (streets). */
export function TownshipSelect({ value, onChange, placeholder = '请选择乡镇（街道）', allowClear, includeInactive, ...rest }: Props) {
  const townships = useRead('regions.townships', {});
  const options = (townships.data ?? [])
    .filter((t) => includeInactive || t.active || t.id === value)
    .map((t) => ({ value: t.id, label: t.active ? t.name : `${t.name}（已停用）` }));
  return (
    <Select
      {...rest}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      loading={townships.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
