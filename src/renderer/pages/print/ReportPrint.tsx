/**
 * A statistical form or payment roster in its official layout: the title, the line with the reporting
 * unit, period and units, the bordered table with its two-level header and 合计, and the signature footer.
 * The assistance form and the roster are wide: they go across the sheet.
 */
import { useSearchParams } from 'react-router-dom';
import type { ReportResult } from '../../../shared/api/reports.schemas';
import { toIsoDate } from '../../../shared/domain/dates';
import { useRead } from '../../api/queries';
import { formatDateTime } from '../../app/format';
import { useSignedIn } from '../../session/session-context';
import { rowHeader } from '../../../shared/domain/reports/layout';
import { groupColumns, hasGroups } from '../reports/column-groups';
import { formatCell, isNumericUnit, type CellValue } from '../reports/format-cell';
import { parseReportQuery, reportPath, requestOf } from '../reports/report-query';
import { useTownshipName } from '../reports/use-township-name';
import { chineseDate } from './format';
import { PrintSheet } from './PrintSheet';

/** Beyond this many columns (the assistance form has over thirty) the type gets smaller to fit across A4. */
const DENSE_COLUMNS = 16;

/** Room to sign by hand. */
const BLANK = '＿'.repeat(6);

function ValueCells({ result, values }: { result: ReportResult; values: CellValue[] }) {
  return result.columns.map((column, i) => (
    <td key={column.key} className={isNumericUnit(column.unit) ? 'doc-num' : undefined}>
      {formatCell(values[i] ?? null, column.unit)}
    </td>
  ));
}

function ReportHead({ result, numbered }: { result: ReportResult; numbered: boolean }) {
  const twoLevels = hasGroups(result.columns);
  const rowSpan = twoLevels ? 2 : undefined;
  const segments = groupColumns(result.columns);
  return (
    <thead>
      <tr>
        {numbered && <th rowSpan={rowSpan}>序号</th>}
        <th rowSpan={rowSpan} className="doc-row-label">
          {rowHeader(result.form, result.program)}
        </th>
        {segments.flatMap((s) =>
          s.group === null
            ? s.columns.map(({ column }) => (
                <th key={column.key} rowSpan={rowSpan}>
                  {column.label}
                </th>
              ))
            : [
                <th key={`group-${s.columns[0]!.column.key}`} colSpan={s.columns.length}>
                  {s.group}
                </th>,
              ],
        )}
      </tr>
      {twoLevels && (
        <tr>
          {segments
            .filter((s) => s.group !== null)
            .flatMap((s) => s.columns.map(({ column }) => <th key={column.key}>{column.label}</th>))}
        </tr>
      )}
    </thead>
  );
}

function ReportDocument({ result, unitName }: { result: ReportResult; unitName: string }) {
  // A roster lists households: they are numbered; a form's rows are townships.
  const numbered = result.form === 'payment-roster';
  return (
    <>
      <h1 className="doc-title">{result.title}</h1>
      <div className="doc-meta">
        <span>填报单位：{unitName}</span>
        <span>{result.periodLabel}</span>
        <span>{result.unitLine}</span>
      </div>
      <table className={result.columns.length > DENSE_COLUMNS ? 'doc-table doc-report-table doc-report-dense' : 'doc-table doc-report-table'}>
        <ReportHead result={result} numbered={numbered} />
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={row.key}>
              {numbered && <td className="doc-center">{i + 1}</td>}
              <td className="doc-row-label">{row.label}</td>
              <ValueCells result={result} values={row.values} />
            </tr>
          ))}
          <tr className="doc-total">
            <td className="doc-center" colSpan={numbered ? 2 : 1}>
              {result.total.label}
            </td>
            <ValueCells result={result} values={result.total.values} />
          </tr>
        </tbody>
      </table>
      {result.snapshot && (
        <div className="doc-report-note">
          注：本表数据已于 {formatDateTime(result.snapshot.submittedAt)} 上报{result.differences.length > 0 ? `，此后台账更正 ${result.differences.length} 处未计入本表` : ''}。
        </div>
      )}
      <footer className="doc-footer doc-report-footer">
        <span>制表人：{BLANK}</span>
        <span>审核人：{BLANK}</span>
        <span>负责人：{BLANK}</span>
        <span>制表日期：{chineseDate(toIsoDate(new Date()))}</span>
      </footer>
    </>
  );
}

export function ReportPrint() {
  const [params] = useSearchParams();
  const { user } = useSignedIn();
  const request = requestOf(parseReportQuery(params), user.role !== 'township_clerk');
  const report = useRead('reports.compute', request, { silent: true });
  const townshipName = useTownshipName(request.townshipId);
  const result = report.data;
  const unitName = result ? (townshipName ? `${result.countyName}${townshipName}` : `${result.countyName}民政局`) : '';
  return (
    <PrintSheet
      name={result ? `${result.title}-${result.periodLabel}${townshipName ?? ''}` : null}
      backTo={reportPath(request)}
      loading={report.isPending}
      error={report.error}
      landscape={request.form !== 'change-monthly'}
    >
      {result && <ReportDocument result={result} unitName={unitName} />}
    </PrintSheet>
  );
}
