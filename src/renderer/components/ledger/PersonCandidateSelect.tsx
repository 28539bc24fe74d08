/**
 * Finds a person of the ledger by name or ID number through one of the candidate searches (child files,
 * elderly files, referrals), each of which says in main who qualifies. The chosen person stays an option
 * while another search is shown, so the field keeps their name.
 */
import { Select } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { useRead } from '../../api/queries';
import { placeOf } from '../../app/format';
import { useDebouncedCallback } from '../../app/use-debounced-callback';

export type CandidateMethod = 'care.children.candidates' | 'elderly.elders.candidates' | 'referrals.candidates';
export type CandidateOf<M extends CandidateMethod> = MethodOutput<M>[number];

/** A candidate as the register forms list them: name, ID, age and place. */
export const personLabel = (c: { name: string; idNumber: string; age: number; townshipName: string; villageName: string | null }) => `${c.name} ${c.idNumber} ${c.age}岁 ${placeOf(c)}`;

interface Props<M extends CandidateMethod> {
  method: M;
  labelOf: (candidate: CandidateOf<M>) => string;
  /** Who qualifies, said when a search finds nobody (如：须为对象台账中未满 18 周岁、尚未登记的人员). */
  whoQualifies: string;
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The chosen person as a whole (their household and township). */
  onPick: (candidate: CandidateOf<M> | null) => void;
}

export function PersonCandidateSelect<M extends CandidateMethod>({ method, labelOf, whoQualifies, id, value, onChange, onPick }: Props<M>) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<CandidateOf<M> | null>(null);
  const search = useDebouncedCallback((typed: string) => setQ(typed.trim()));
  // Every candidate search takes { q } alone.
  const found = useRead(method, { q } as Parameters<typeof useRead<M>>[1], { enabled: q.length > 0, keepPrevious: true });
  const rows: CandidateOf<M>[] = q ? (found.data ?? []) : [];
  const list = picked && !rows.some((c) => c.personId === picked.personId) ? [picked, ...rows] : rows;
  const notFound = !q ? '请输入姓名或身份证号码查找' : found.isFetching ? '正在查找…' : `没有找到：${whoQualifies}`;

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
      placeholder="输入姓名、拼音首字母或身份证号码查找（须已在对象台账登记）"
      notFoundContent={notFound}
      allowClear
    />
  );
}
