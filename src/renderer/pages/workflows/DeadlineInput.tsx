/** A deadline typed as days and a unit (工作日 / 自然日), or none at all when the field allows it. */
import { InputNumber, Select, Space } from 'antd';
import { formatDeadline } from '../../../shared/domain/workflow/rules';
import type { Deadline } from '../../../shared/domain/workflow/types';

const NONE = 'none';

interface Props {
  value: Deadline | null;
  onChange: (value: Deadline | null) => void;
  /** What the field reads for a time limit with no deadline (不限, 不可延期); absent: a deadline is required. */
  noneLabel?: string;
  /** Days offered when switching from none to a unit. */
  fallbackDays: number;
  /** For accessible names: 「<label>天数」, 「<label>单位」. */
  label: string;
  disabled?: boolean;
}

export function DeadlineInput({ value, onChange, noneLabel, fallbackDays, label, disabled }: Props) {
  const units = [
    { value: 'working', label: '工作日' },
    { value: 'calendar', label: '自然日' },
    ...(noneLabel ? [{ value: NONE, label: noneLabel }] : []),
  ];
  return (
    <Space.Compact>
      <InputNumber
        aria-label={`${label}天数`}
        min={1}
        max={90}
        precision={0}
        value={value?.days ?? null}
        disabled={disabled || !value}
        placeholder="—"
        style={{ width: 76 }}
        onChange={(days) => {
          if (value && typeof days === 'number') onChange({ ...value, days });
        }}
      />
      <Select
        aria-label={`${label}单位`}
        value={value ? value.unit : NONE}
        options={units}
        disabled={disabled}
        style={{ width: 96 }}
        onChange={(unit: string) => {
          if (unit === NONE) onChange(null);
          else onChange({ days: value?.days ?? fallbackDays, unit: unit as Deadline['unit'] });
        }}
      />
    </Space.Compact>
  );
}

export function deadlineText(d: Deadline | null | undefined, noneLabel = '不限'): string {
  return d ? formatDeadline(d) : noneLabel;
}
