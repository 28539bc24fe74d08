import { TownshipSelect } from './TownshipSelect';

/** A list's township filter: every township, disabled ones too (old records), none chosen meaning all. */
export function TownshipFilter({ value, onChange }: { value?: string; onChange: (townshipId: string | undefined) => void }) {
  return <TownshipSelect aria-label="乡镇（街道）" placeholder="全部乡镇（街道）" value={value} onChange={onChange} allowClear includeInactive className="ledger-filter-select" />;
}
