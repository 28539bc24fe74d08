/**
 * 不予确认告知书: tells the applicant that their application is not confirmed, with the reasons given by
 * whoever decided it, their rights of review and lawsuit, and the office that decided (the county bureau,
 * or the township government when the deciding step was the township's, e.g. a delegated confirmation).
 */
import { useParams } from 'react-router-dom';
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';
import { useRead } from '../../api/queries';
import { decidingEntry } from './case-decisions';
import { chineseDate } from './format';
import { NoticeLetter, useComplaintPhone } from './NoticeParts';
import { PrintSheet } from './PrintSheet';

const DOCUMENT = '不予确认告知书';

/** 不予受理 at intake, 不予救助 for 临时救助, else 不予确认. */
function verdictOf(detail: CaseDetail, entry: CaseHistoryEntry): string {
  if (entry.action === 'decline') return '不予受理';
  if (detail.program === 'linshi') return '不予救助';
  return '不予确认';
}

function RejectionNotice({ detail, entry, phone }: { detail: CaseDetail; entry: CaseHistoryEntry; phone: string }) {
  return (
    <NoticeLetter document={DOCUMENT} detail={detail} entry={entry} addressee={detail.subjectName ?? detail.headName ?? '申请人'} phone={phone}>
      <p>
        你于{chineseDate(detail.openedOn)}提出的{detail.kindLabel}，经审核，决定{verdictOf(detail, entry)}。
      </p>
    </NoticeLetter>
  );
}

export function RejectionNoticePrint() {
  const { id = '' } = useParams();
  const detail = useRead('cases.get', { id }, { silent: true });
  const { phone, loading } = useComplaintPhone();
  const entry = detail.data ? decidingEntry(detail.data, 'rejected') : null;
  return (
    <PrintSheet
      name={detail.data ? `不予确认告知书-${detail.data.caseNo}` : null}
      backTo={`/approvals/${id}`}
      loading={detail.isPending || loading}
      error={detail.error}
      unavailable={
        detail.data && (detail.data.outcome !== 'rejected' || !entry)
          ? { title: '本案没有不予确认的决定', subTitle: '只有审核不同意（不予确认）的案件才需要送达不予确认告知书。' }
          : null
      }
    >
      {detail.data && entry && <RejectionNotice detail={detail.data} entry={entry} phone={phone} />}
    </PrintSheet>
  );
}
