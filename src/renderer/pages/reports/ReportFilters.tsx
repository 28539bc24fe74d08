/** Which form, for which month (or quarter), which program (the roster) and which township (county roles). */
import { DatePicker, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REPORT_FORM_LABELS, REPORT_FORMS, type ReportForm } from '../../../shared/api/reports.schemas';
import { PROGRAM_LABELS, PROGRAMS, type Program } from '../../../shared/domain/programs';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { isQuarter } from '../../../shared/domain/reports/periods';
import { lastMonth, periodOf, periodStart } from './period';
import type { ReportQuery } from './report-query';

const FORM_OPTIONS = REPORT_FORMS.map((form) => ({ value: form, label: REPORT_FORM_LABELS[form] }));
const PROGRAM_OPTIONS = PROGRAMS.map((p) => ({ value: p, label: PROGRAM_LABELS[p] }));

type Span = 'month' | 'quarter';
const SPAN_OPTIONS: { value: Span; label: string }[] = [
  { value: 'month', label: '月报' },
  { value: 'quarter', label: '季报' },
];

interface Props {
  query: ReportQuery;
  onChange: (patch: Partial<ReportQuery>) => void;
  /** County roles choose a township or the whole county; a township clerk sees their own. */
  fixedTownshipId: string | null;
}

/** A period that has not begun cannot be counted yet. */
const notBegun = (day: Dayjs, span: Span) => (span === 'quarter' ? periodStart(periodOf(day, true)) : day).isAfter(dayjs(), 'month');

export function ReportFilters({ query, onChange, fixedTownshipId }: Props) {
  const span: Span = isQuarter(query.period) ? 'quarter' : 'month';

  const chooseForm = (form: ReportForm) =>
    // Only the assistance form comes by quarter: the others go back to the month just ended.
    onChange(form !== 'assistance-monthly' && span === 'quarter' ? { form, period: lastMonth() } : { form });

  const chooseSpan = (next: Span) => onChange({ period: next === 'quarter' ? periodOf(periodStart(query.period), true) : lastMonth() });

  return (
    <div className="report-filters">
      <Segmented<ReportForm> aria-label="报表" options={FORM_OPTIONS} value={query.form} onChange={chooseForm} />
      <div className="report-filter-row">
        {query.form === 'assistance-monthly' && <Segmented<Span> aria-label="报表期别" options={SPAN_OPTIONS} value={span} onChange={chooseSpan} />}
        <div className="report-filter">
          <span>{span === 'quarter' ? '季度' : '月份'}</span>
          <DatePicker
            aria-label="统计期间"
            picker={span}
            format={span === 'quarter' ? 'YYYY年第Q季度' : 'YYYY年M月'}
            value={periodStart(query.period)}
            allowClear={false}
            disabledDate={(day) => notBegun(day, span)}
            onChange={(day: Dayjs | null) => day && onChange({ period: periodOf(day, span === 'quarter') })}
            style={{ width: 160 }}
          />
        </div>
        {query.form === 'payment-roster' && (
          <div className="report-filter">
            <span>保障项目</span>
            <Select<Program> aria-label="保障项目" value={query.program} onChange={(program) => onChange({ program })} options={PROGRAM_OPTIONS} style={{ width: 180 }} />
          </div>
        )}
        <div className="report-filter">
          <span>乡镇（街道）</span>
          <TownshipSelect
            aria-label="乡镇（街道）"
            className="report-township"
            includeInactive
            value={fixedTownshipId ?? query.townshipId}
            onChange={(townshipId) => onChange({ townshipId })}
            allowClear={fixedTownshipId === null}
            disabled={fixedTownshipId !== null}
            placeholder="全县"
          />
        </div>
      </div>
    </div>
  );
}
