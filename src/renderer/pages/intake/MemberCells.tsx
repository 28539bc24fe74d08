/** Cells of the members grid that follow other cells: what the ID says, and the disability grade. */
import { Form, Select } from 'antd';
import { derivedFromId } from '../../components/ledger/id-check';
import { DISABILITY_GRADE_OPTIONS } from '../../components/ledger/person-options';

export function DerivedCell({ row, show }: { row: number; show: 'sex' | 'birthDate' | 'age' }) {
  const idNumber = Form.useWatch<string | undefined>(['members', row, 'idNumber']);
  const derived = derivedFromId(idNumber);
  if (!derived) return <span className="derived-cell muted">—</span>;
  return <span className={show === 'birthDate' ? 'derived-cell mono' : 'derived-cell'}>{derived[show]}</span>;
}

interface GradeProps {
  row: number;
  label: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
}

/** The grade is chosen only when a disability category is. */
export function GradeSelect({ row, label, value, onChange }: GradeProps) {
  const category = Form.useWatch<string | undefined>(['members', row, 'disabilityCategory']);
  return (
    <Select
      aria-label={label}
      options={DISABILITY_GRADE_OPTIONS}
      value={category ? value : undefined}
      onChange={onChange}
      disabled={!category}
      allowClear
      placeholder={category ? '等级' : '—'}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
