/**
 * Filters of the audit log as an inspector asks: who (an account or the system), what (one or several
 * actions, by their Chinese names), which kind of record, which record (its id or its household's), which
 * days, and text in the reason written with the change.
 */
import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { User } from '../../../shared/api/contract';
import { auditWhoLabel } from '../../../shared/domain/audit';
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/labels';
import { isoOf } from '../../app/date-field';
import { FilterBar, FilterSearch, FilterSelect } from '../../components/ledger/FilterBar';
import { isFiltered, type AuditQuery } from './use-audit-query';

const toOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const ACTION_OPTIONS = toOptions(AUDIT_ACTION_LABELS);
const ENTITY_OPTIONS = toOptions(AUDIT_ENTITY_LABELS);

interface Props {
  query: AuditQuery;
  update: (patch: Partial<AuditQuery>) => void;
  users: User[];
  displayNames: ReadonlyMap<string, string>;
}

export function AuditFilterBar({ query, update, users, displayNames }: Props) {
  const userOptions = [
    ...users.map((u) => ({ value: u.username, label: auditWhoLabel(u.username, displayNames) })),
    ...Object.entries(AUDIT_ACTOR_LABELS).map(([value, label]) => ({ value, label })),
  ];

  const clear = () => update({ username: undefined, actions: undefined, entity: undefined, recordId: undefined, from: undefined, to: undefined, q: undefined });

  const above = (
    <>
      <FilterSelect label="用户" placeholder="全部用户" options={userOptions} value={query.username} onChange={(username) => update({ username })} width="wide" searchable />
      <Select
        aria-label="操作"
        mode="multiple"
        placeholder="全部操作"
        options={ACTION_OPTIONS}
        value={query.actions ?? []}
        onChange={(actions: string[]) => update({ actions: actions.length > 0 ? actions : undefined })}
        allowClear
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: 'label' }}
        className="audit-action-select"
      />
      <FilterSelect label="对象类别" placeholder="全部对象" options={ENTITY_OPTIONS} value={query.entity} onChange={(entity) => update({ entity })} searchable />
      <DatePicker.RangePicker
        aria-label="日期"
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(range) => update({ from: range?.[0] ? isoOf(range[0]) : undefined, to: range?.[1] ? isoOf(range[1]) : undefined })}
        allowEmpty={[true, true]}
        className="audit-date-range"
      />
    </>
  );

  return (
    <FilterBar filtered={isFiltered(query)} onClear={clear} above={above}>
      <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="修改原因中的文字" className="audit-search" />
      {/* Remounted when the address changes it (a detail's "只看此对象"), so it always shows what is in force. */}
      <Input
        key={query.recordId ?? ''}
        aria-label="对象编号"
        placeholder="对象或家庭编号，回车查询"
        defaultValue={query.recordId}
        allowClear
        maxLength={64}
        onPressEnter={(e) => update({ recordId: e.currentTarget.value.trim() || undefined })}
        onBlur={(e) => (e.currentTarget.value.trim() || undefined) !== query.recordId && update({ recordId: e.currentTarget.value.trim() || undefined })}
        onClear={() => update({ recordId: undefined })}
        className="audit-record-id"
      />
    </FilterBar>
  );
}
