/** Finds whom a referral is for: living people of the ledger within reach, by name or ID number, with their household. */
import { Select } from 'antd';
import { useState } from 'react';
import type { ReferralCandidate } from '../../../shared/api/referrals.schemas';
import { useRead } from '../../api/queries';
import { useDebouncedCallback } from '../../app/use-debounced-callback';
import { placeOf } from './referral-options';

const labelOf = (c: ReferralCandidate) => `${c.name} ${c.idNumber} ${c.age}岁 ${c.isHead ? '户主' : `户主：${c.headName ?? '—'}`} ${placeOf(c)}`;

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The chosen person as a whole (their household and township). */
  onPick: (candidate: ReferralCandidate | null) => void;
}

export function PersonSearch({ id, value, onChange, onPick }: Props) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ReferralCandidate | null>(null);
  const search = useDebouncedCallback((typed: string) => setQ(typed.trim()));
  const found = useRead('referrals.candidates', { q }, { enabled: q.length > 0, keepPrevious: true });
  const rows = q ? (found.data ?? []) : [];
  // The chosen person stays an option while another search is shown, so the field keeps their name.
  const list = picked && !rows.some((c) => c.personId === picked.personId) ? [picked, ...rows] : rows;
  const notFound = !q ? '请输入姓名或身份证号码查找' : found.isFetching ? '正在查找…' : '没有找到：须为对象台账中已登记的人员';

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
