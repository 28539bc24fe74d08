import { Select } from 'antd';
import type { ChildDirector } from '../../../shared/api/care.schemas';
import { useRead } from '../../api/queries';

/** How a director is named in a list of choices: name and where they serve. */
export function directorLabel(d: ChildDirector): string {
  const place = d.villageName ?? d.townshipName;
  return `${d.name}（${place}）${d.active ? '' : '（已停用）'}`;
}

interface Props {
  /** Only this township's directors; all within reach when absent. */
  townshipId?: string;
  value?: string;
  onChange: (value: string | undefined) => void;
  className?: string;
}

/** The 儿童主任 filter of the lists. */
export function DirectorFilter({ townshipId, value, onChange, className }: Props) {
  const directors = useRead('care.directors.list', townshipId ? { townshipId } : {});
  const options = (directors.data ?? []).map((d) => ({ value: d.id, label: directorLabel(d) }));
  return (
    <Select
      aria-label="儿童主任"
      placeholder="全部儿童主任"
      className={className}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      options={options}
      loading={directors.isPending}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent="没有儿童主任"
    />
  );
}
