/** Who applied, where they live, the dates that bind the case, and what the application and amount say. */
import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { HUKOU_LABELS } from '../../../shared/domain/household';
import { formatDateTime, placeOf } from '../../app/format';
import { applicantOf, yuanOrDash } from '../approvals/case-text';
import { DueDate } from '../approvals/DueDate';

/** The whole case's deadline counts in the unit of the rule in force (the extended one once extended). */
function caseDueUnit(detail: CaseDetail) {
  return (detail.extendedReason && detail.definition.extended ? detail.definition.extended : detail.definition.whole).unit;
}

function filingText(detail: CaseDetail): string {
  if (!detail.filingReviewedAt) return '待县级备案审查';
  return `${detail.filingReviewedBy ?? ''} ${formatDateTime(detail.filingReviewedAt)} 审查：${detail.filingOpinion ?? ''}`;
}

export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const items: DescriptionsProps['items'] = [
    { key: 'applicant', label: '户主/申请人', children: <Link to={`/ledger/households/${detail.householdId}`}>{applicantOf(detail)}</Link> },
    { key: 'place', label: '乡镇/村', children: placeOf(detail) },
    { key: 'address', label: '地址', children: detail.address },
    { key: 'hukou', label: '户籍', children: HUKOU_LABELS[detail.hukouType] },
    { key: 'phone', label: '电话', children: detail.phone ?? '—' },
    { key: 'opened', label: '受理日期', children: <span className="mono">{detail.openedOn}</span> },
    {
      key: 'due',
      label: '办结期限',
      children: detail.status === 'open' ? <DueDate due={detail.caseDue} days={detail.caseDaysLeft} unit={caseDueUnit(detail)} /> : <span className="mono">{detail.caseDue}</span>,
    },
    { key: 'category', label: '类别', children: detail.categoryLabel ?? '—' },
    { key: 'amount', label: '金额', children: yuanOrDash(detail.amountFen) },
  ];
  if (detail.enrollmentSummary) items.push({ key: 'enrollment', label: '保障记录', children: detail.enrollmentSummary, span: 'filled' });
  if (detail.extendedReason) items.push({ key: 'extended', label: '延期理由', children: detail.extendedReason, span: 'filled' });
  if (detail.closedAt) items.push({ key: 'closed', label: '办结时间', children: formatDateTime(detail.closedAt) });
  if (detail.delegated) items.push({ key: 'filing', label: '备案审查', children: filingText(detail), span: 'filled' });
  return <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}

/** The application as recorded, and how the amount comes about, line by line. */
export function CaseApplication({ detail }: { detail: CaseDetail }) {
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={detail.application.map((line, i) => ({ key: `${line.label}-${i}`, label: line.label, children: line.value }))}
      />
      {detail.amountLines.length > 0 && (
        <>
          <Typography.Text strong>金额计算</Typography.Text>
          <ul className="timeline-changes">
            {detail.amountLines.map((line, i) => (
              <li key={`${i}-${line}`}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
