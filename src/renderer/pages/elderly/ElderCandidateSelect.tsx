/** Finds the person to register: living people of 60 or more in the ledger without an open file, by name or ID number. */
import { Select } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { useRead } from '../../api/queries';
import { useDebouncedCallback } from '../../app/use-debounced-callback';
import { placeOf } from './elderly-options';

export type ElderCandidate = MethodOutput<'elderly.elders.candidates'>[number];

const labelOf = (c: ElderCandidate) => `${c.name} ${c.idNumber} ${c.age}岁 ${placeOf(c)}`;

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  onPick: (candidate: ElderCandidate | null) => void;
}

export function ElderCandidateSelect({ id, value, onChange, onPick }: Props) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ElderCandidate | null>(null);
  const search = useDebouncedCallback((typed: string) => setQ(typed.trim()));
  const found = useRead('elderly.elders.candidates', { q }, { enabled: q.length > 0, keepPrevious: true });
  const rows = q ? (found.data ?? []) : [];
  // The chosen person stays an option while another search is shown, so the field keeps their name.
  const list = picked && !rows.some((c) => c.personId === picked.personId) ? [picked, ...rows] : rows;
  const notFound = !q ? '请输入姓名或身份证号码查找' : found.isFetching ? '正在查找…' : '没有找到：须为对象台账中年满 60 周岁、尚未建档的在世人员';

  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => {
        const candidate = list.find((c) => c.personId === v) ?? null;
        setPicked(candidate);
        onPick(candidate);
        onChange?.(v);
      }}
      options={list.map((c) => ({ value: c.personId, label: labelOf(c) }))}
      showSearch={{ filterOption: false, onSearch: search.run }}
      loading={found.isFetching}
      placeholder="输入姓名或身份证号码查找（须已在对象台账登记）"
      notFoundContent={notFound}
      allowClear
    />
  );
}
