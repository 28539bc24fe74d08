/**
 * 终止告知书: for a stop or review case that ended an enrollment (停保, 复核停保, 渐退) — to whom, which
 * assistance, from which month it is no longer paid, why (the confirming opinion), the rights of review
 * and lawsuit, and the office that confirmed it.
 */
import { useParams } from 'react-router-dom';
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';
import { PROGRAM_LABELS } from '../../../shared/domain/programs';
import { useRead } from '../../api/queries';
import { addMonths } from '../../../shared/domain/dates';
import { decidingEntry } from './case-decisions';
import { chineseMonth } from './format';
import { NoticeLetter, useComplaintPhone } from './NoticeParts';
import { PrintSheet } from './PrintSheet';

const DOCUMENT = '终止告知书';

function TerminationNotice({ detail, ending, entry, phone }: { detail: CaseDetail; ending: NonNullable<CaseDetail['ending']>; entry: CaseHistoryEntry; phone: string }) {
  const program = PROGRAM_LABELS[detail.program];
  const firstUnpaid = chineseMonth(addMonths(ending.lastPaidMonth, 1));
  return (
    <NoticeLetter document={DOCUMENT} detail={detail} entry={entry} addressee={detail.subjectName ?? detail.headName ?? '保障对象'} phone={phone}>
      <p>
        经{detail.definition.effect === 'review' ? '定期复核并' : ''}审核确认，你（家）享受的{program}
        {ending.status === 'tapering' ? `实行渐退，按原标准发放至${chineseMonth(ending.lastPaidMonth)}，` : ''}自{firstUnpaid}起停止发放，终止保障。
        {detail.enrollmentSummary ? `原保障情况：${detail.enrollmentSummary}。` : ''}
      </p>
    </NoticeLetter>
  );
}

export function TerminationNoticePrint() {
  const { id = '' } = useParams();
  const detail = useRead('cases.get', { id }, { silent: true });
  const { phone, loading } = useComplaintPhone();
  const entry = detail.data ? decidingEntry(detail.data, 'approved') : null;
  return (
    <PrintSheet
      name={detail.data ? `终止告知书-${detail.data.caseNo}` : null}
      backTo={`/approvals/${id}`}
      loading={detail.isPending || loading}
      error={detail.error}
      unavailable={
        detail.data && (!detail.data.ending || !entry)
          ? { title: '本案没有终止保障', subTitle: '只有确认停保（含复核停保、渐退）的案件才需要送达终止告知书。' }
          : null
      }
    >
      {detail.data?.ending && entry && <TerminationNotice detail={detail.data} ending={detail.data.ending} entry={entry} phone={phone} />}
    </PrintSheet>
  );
}
