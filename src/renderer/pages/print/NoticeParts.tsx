/** The written notices (告知书): one letter layout with the rights paragraph, the issuing office and the receipt. */
import type { ReactNode } from 'react';
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';
import { PROGRAM_LABELS } from '../../../shared/domain/programs';
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';
import { chineseDate, issuingOffice } from './format';

/** The county's complaint phone (监督电话), once known; the notice waits for the answer either way. */
export function useComplaintPhone(): { phone: string; loading: boolean } {
  const workflows = useRead('workflows.list', {}, { silent: true, staleTime: 300_000 });
  return { phone: workflows.data?.policy.complaintPhone ?? '', loading: workflows.isPending };
}

export function RightsParagraph({ countyName, phone }: { countyName: string; phone: string }) {
  return (
    <>
      <p>
        如对本决定不服，可以自收到本告知书之日起60日内向{countyName}人民政府申请行政复议，也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。
      </p>
      {phone && <p>监督电话：{phone}</p>}
    </>
  );
}

export function Issuer({ office, date }: { office: string; date: string }) {
  return (
    <div className="doc-issuer">
      <div>{office}</div>
      <div className="doc-seal">（盖章）</div>
      <div>{chineseDate(date)}</div>
    </div>
  );
}

/** Room to sign by hand: ideographic spaces and a line. */
const GAP = '\u3000\u3000';
const BLANK = '＿'.repeat(8);

/** The tear-off receipt the clerk brings back when serving the notice (送达回执). */
export function ServiceReceipt({ documentName, caseNo, addressee }: { documentName: string; caseNo: string; addressee: string }) {
  return (
    <section className="doc-receipt">
      <h2>送达回执</h2>
      <div>
        文书名称：{documentName}（编号：{caseNo}）
      </div>
      <div>受送达人：{addressee}</div>
      <div>{`受送达人签收：${BLANK}${GAP}签收日期：${GAP}${GAP}年${GAP}月${GAP}日`}</div>
      <div>{`送达人：${BLANK}${GAP}送达方式：${BLANK}`}</div>
    </section>
  );
}

interface LetterProps {
  document: string;
  detail: CaseDetail;
  /** The entry that decided the case: its opinion is the reasons, its step's level names the office. */
  entry: CaseHistoryEntry;
  addressee: string;
  phone: string;
  /** What was decided, in a sentence or two. */
  children: ReactNode;
}

export function NoticeLetter({ document, detail, entry, addressee, phone, children }: LetterProps) {
  const { county } = useSignedIn();
  const office = issuingOffice(entry.level ?? 'county', county.name, detail.townshipName);
  return (
    <div className="doc-letter">
      <h1 className="doc-title">{document}</h1>
      <div className="doc-subtitle">（{PROGRAM_LABELS[detail.program]}）</div>
      <p className="doc-no">编号：{detail.caseNo}</p>
      <p className="doc-addressee">{addressee}：</p>
      {children}
      <p>理由如下：</p>
      <div className="doc-reasons">{entry.opinion}</div>
      <p>特此告知。</p>
      <RightsParagraph countyName={county.name} phone={phone} />
      <Issuer office={office} date={entry.onDate} />
      <ServiceReceipt documentName={document} caseNo={detail.caseNo} addressee={addressee} />
    </div>
  );
}
