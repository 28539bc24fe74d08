/**
 * 审批表: the case as it is filed — the household, its members, the application, how the amount comes
 * about, and every step taken with its opinion in full, who took it and when.
 */
import { useParams } from 'react-router-dom';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { HUKOU_LABELS } from '../../../shared/domain/household';
import { formatYuan } from '../../../shared/domain/money';
import { PROGRAM_LABELS } from '../../../shared/domain/programs';
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';
import { chineseDate } from './format';
import { toIsoDate } from '../../../shared/domain/dates';
import { PrintSheet } from './PrintSheet';

const EFFECT_TITLES: Record<CaseDetail['definition']['effect'], string> = {
  enroll: '',
  one_off: '',
  change: '变更',
  stop: '停止保障',
  review: '复核',
  care: '',
  resettle: '',
};

export function approvalFormTitle(countyName: string, detail: CaseDetail): string {
  // Care cases are named for what they are, not for the program they are filed under.
  if (detail.definition.effect === 'care' || detail.definition.effect === 'resettle') return `${countyName}${detail.definition.label}${detail.definition.effect === 'care' ? '记录表' : '审批表'}`;
  return `${countyName}${PROGRAM_LABELS[detail.program]}${EFFECT_TITLES[detail.definition.effect]}审批表`;
}

function resultOf(detail: CaseDetail): string {
  if (detail.status === 'open') return `办理中${detail.stepLabel ? `（${detail.stepLabel}）` : ''}`;
  if (detail.outcome === 'approved') return '同意';
  if (detail.outcome === 'rejected') return '不同意';
  return '已办结';
}

/** One-off assistance (临时救助, 成年后安置补助) is a sum; everything else is paid monthly. */
export function amountText(fen: number | null, detail: Pick<CaseDetail, 'program' | 'definition'>): string {
  if (fen === null) return '—';
  const oneOff = detail.definition.effect === 'one_off' || detail.definition.effect === 'resettle';
  return `${formatYuan(fen)} 元${oneOff ? '' : '/月'}`;
}

function ApprovalForm({ detail }: { detail: CaseDetail }) {
  const { county, user } = useSignedIn();
  return (
    <>
      <h1 className="doc-title">{approvalFormTitle(county.name, detail)}</h1>
      <div className="doc-meta">
        <span>案件编号：{detail.caseNo}</span>
        <span>申请事项：{detail.kindLabel}</span>
        <span>受理日期：{chineseDate(detail.openedOn)}</span>
      </div>

      <table className="doc-table">
        <colgroup>
          <col style={{ width: '22mm' }} />
          <col />
          <col style={{ width: '22mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th className="doc-label">户主</th>
            <td>{detail.headName ?? '—'}</td>
            <th className="doc-label">申请人</th>
            <td>{detail.subjectName ?? detail.headName ?? '—'}</td>
          </tr>
          <tr>
            <th className="doc-label">乡镇（街道）</th>
            <td>{detail.townshipName}</td>
            <th className="doc-label">村（社区）</th>
            <td>{detail.villageName ?? '—'}</td>
          </tr>
          <tr>
            <th className="doc-label">户籍</th>
            <td>{HUKOU_LABELS[detail.hukouType]}</td>
            <th className="doc-label">联系电话</th>
            <td>{detail.phone ?? '—'}</td>
          </tr>
          <tr>
            <th className="doc-label">家庭住址</th>
            <td colSpan={3}>{detail.address || '—'}</td>
          </tr>
          <tr>
            <th className="doc-label">保障类别</th>
            <td>{detail.categoryLabel ?? '—'}</td>
            <th className="doc-label">审批结果</th>
            <td>{resultOf(detail)}</td>
          </tr>
        </tbody>
      </table>

      <h2 className="doc-section">家庭成员</h2>
      <table className="doc-table">
        <colgroup>
          <col style={{ width: '10mm' }} />
          <col style={{ width: '26mm' }} />
          <col style={{ width: '52mm' }} />
          <col />
          <col style={{ width: '16mm' }} />
          <col style={{ width: '28mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>身份证号</th>
            <th>与户主关系</th>
            <th>年龄</th>
            <th>是否纳入保障</th>
          </tr>
        </thead>
        <tbody>
          {detail.members.map((m, i) => (
            <tr key={m.personId}>
              <td className="doc-center">{i + 1}</td>
              <td>{m.name}</td>
              <td>{m.idNumber}</td>
              <td className="doc-center">{m.relation ?? ''}</td>
              <td className="doc-center">{m.age}</td>
              <td className="doc-center">{m.covered ? '是' : '否'}</td>
            </tr>
          ))}
          {detail.members.length === 0 && (
            <tr>
              <td colSpan={6} className="doc-center">
                无
              </td>
            </tr>
          )}
        </tbody>
      </table>

      {detail.application.length > 0 && (
        <>
          <h2 className="doc-section">申请情况</h2>
          <table className="doc-table">
            <colgroup>
              <col style={{ width: '36mm' }} />
              <col />
            </colgroup>
            <tbody>
              {detail.application.map((line, i) => (
                <tr key={`${line.label}-${i}`}>
                  <th className="doc-label">{line.label}</th>
                  <td className="doc-opinion">{line.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {(detail.amountLines.length > 0 || detail.amountFen !== null) && (
        <>
          <h2 className="doc-section">金额核定</h2>
          <table className="doc-table">
            <colgroup>
              <col style={{ width: '36mm' }} />
              <col />
            </colgroup>
            <tbody>
              {detail.amountLines.length > 0 && (
                <tr>
                  <th className="doc-label">核算过程</th>
                  <td>
                    <ol className="doc-lines">
                      {detail.amountLines.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ol>
                  </td>
                </tr>
              )}
              <tr>
                <th className="doc-label">核定金额</th>
                <td>{amountText(detail.amountFen, detail)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}

      <h2 className="doc-section">审核审批情况{detail.delegated ? '（审核确认权限已下放乡镇，县级备案）' : ''}</h2>
      <table className="doc-table">
        <colgroup>
          <col style={{ width: '24mm' }} />
          <col style={{ width: '30mm' }} />
          <col />
          <col style={{ width: '27mm' }} />
          <col style={{ width: '24mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>环节</th>
            <th>办理结果</th>
            <th>审核意见</th>
            <th>经办人</th>
            <th>日期</th>
          </tr>
        </thead>
        <tbody>
          {detail.history.map((h) => (
            <tr key={h.seq}>
              <td className="doc-center">{h.stepLabel}</td>
              <td>{h.actionLabel}</td>
              <td>
                <div className="doc-opinion">{h.opinion}</div>
                {h.details.length > 0 && (
                  <ul className="doc-details">
                    {h.details.map((d, i) => (
                      <li key={i}>
                        {d.label}：{d.value}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="doc-sign-line">{chineseDate(h.onDate)}</div>
              </td>
              <td>
                {h.userName}
                <br />（{h.roleLabel}）
              </td>
              <td className="doc-date">{h.onDate}</td>
            </tr>
          ))}
          {detail.filingReviewedAt && (
            <tr>
              <td className="doc-center">县级备案审查</td>
              <td>已备案</td>
              <td>
                <div className="doc-opinion">{detail.filingOpinion ?? ''}</div>
                <div className="doc-sign-line">{chineseDate(toIsoDate(new Date(detail.filingReviewedAt)))}</div>
              </td>
              <td>{detail.filingReviewedBy ?? ''}</td>
              <td className="doc-date">{toIsoDate(new Date(detail.filingReviewedAt))}</td>
            </tr>
          )}
          {detail.history.length === 0 && !detail.filingReviewedAt && (
            <tr>
              <td colSpan={5} className="doc-center">
                尚未办理
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <footer className="doc-footer">
        <span>制表人：{user.displayName}</span>
        <span>审核人：</span>
        <span>负责人：</span>
        <span>制表日期：{chineseDate(toIsoDate(new Date()))}</span>
      </footer>
    </>
  );
}

export function ApprovalFormPrint() {
  const { id = '' } = useParams();
  const detail = useRead('cases.get', { id }, { silent: true });
  return (
    <PrintSheet
      name={detail.data ? `审批表-${detail.data.caseNo}` : null}
      backTo={`/approvals/${id}`}
      loading={detail.isPending}
      error={detail.error}
    >
      {detail.data && <ApprovalForm detail={detail.data} />}
    </PrintSheet>
  );
}
