import { Select } from 'antd';
import type { ChildDirector } from '../../../shared/api/care.schemas';
import { useRead } from '../../api/queries';
import { directorLabel } from './DirectorSelect';

/** Where the child lives: the township's id and the village's name. */
export interface ChildPlace {
  townshipId: string;
  villageName?: string | null;
}

interface Props {
  place: ChildPlace | null;
  /** The director the file has now, kept choosable even when disabled since. */
  keepId?: string | null;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

const inTownship = (d: ChildDirector, place: ChildPlace) => d.townshipId === place.townshipId;

/** 儿童主任 of a child's file: the active directors of the child's township (all within reach when it is unknown), the child's own village first. */
export function DirectorField({ place, keepId, id, value, onChange }: Props) {
  const directors = useRead('care.directors.list', {});
  const all = directors.data ?? [];
  const chosen = all.filter((d) => d.id === keepId || d.id === value || (d.active && (!place || inTownship(d, place))));
  const village = place?.villageName ?? null;
  const sorted = village ? [...chosen].sort((a, b) => Number(b.villageName === village) - Number(a.villageName === village)) : chosen;
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={sorted.map((d) => ({ value: d.id, label: directorLabel(d) }))}
      loading={directors.isPending}
      placeholder="请选择儿童主任"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent="该乡镇（街道）还没有儿童主任，请先在“儿童主任”页添加"
    />
  );
}
