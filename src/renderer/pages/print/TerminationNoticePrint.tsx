/**
 * 终止告知书: for a stop or review case that ended an enrollment (停保, 复核停保, 渐退) — to whom, which
 * assistance, from which month it is no longer paid, why (the confirming opinion), the rights of review
 * and lawsuit, and the office that confirmed it.
 */
import { useParams } from 'react-router-dom';
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';
import { PROGRAM_LABELS } from '../../../shared/domain/programs';
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';
import { decidingEntry, endedEnrollment, endingMonth, levelOf, taperLines } from './case-decisions';
import { chineseMonth, issuingOffice } from './format';
import { Issuer, RightsParagraph, ServiceReceipt, useComplaintPhone } from './NoticeParts';
import { PrintSheet } from './PrintSheet';

const DOCUMENT = '终止告知书';

function TerminationNotice({ detail, entry, phone }: { detail: CaseDetail; entry: CaseHistoryEntry; phone: string }) {
  const { county } = useSignedIn();
  const addressee = detail.subjectName ?? detail.headName ?? '保障对象';
  const program = PROGRAM_LABELS[detail.program];
  const office = issuingOffice(levelOf(detail, entry.step), county.name, detail.townshipName);
  const taper = taperLines(detail);
  return (
    <div className="doc-letter">
      <h1 className="doc-title">{DOCUMENT}</h1>
      <div className="doc-subtitle">（{program}）</div>
      <p className="doc-no">编号：{detail.caseNo}</p>
      <p className="doc-addressee">{addressee}：</p>
      <p>
        经{detail.definition.effect === 'review' ? '定期复核并' : ''}审核确认，你（家）享受的{program}自{chineseMonth(endingMonth(detail, entry))}起停止发放，终止保障。
        {detail.enrollmentSummary ? `原保障情况：${detail.enrollmentSummary}。` : ''}
      </p>
      {taper.length > 0 && <p>{taper.map((t) => `${t.label}：${t.value}`).join('；')}。</p>}
      <p>理由如下：</p>
      <div className="doc-reasons">{entry.opinion}</div>
      <p>特此告知。</p>
      <RightsParagraph countyName={county.name} phone={phone} />
      <Issuer office={office} date={entry.onDate} />
      <ServiceReceipt documentName={DOCUMENT} caseNo={detail.caseNo} addressee={addressee} />
    </div>
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
        detail.data && (!endedEnrollment(detail.data) || !entry)
          ? { title: '本案没有终止保障', subTitle: '只有确认停保（含复核停保、渐退）的案件才需要送达终止告知书。' }
          : null
      }
    >
      {detail.data && entry && <TerminationNotice detail={detail.data} entry={entry} phone={phone} />}
    </PrintSheet>
  );
}
