/** A referral as read: who and where, the need, the organisation, dates and, once closed, the outcome. */
import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import type { ReferralDetail } from '../../../shared/api/referrals.schemas';
import { NEED_KIND_LABELS, ORGANISATION_KIND_LABELS } from '../../../shared/domain/referrals';
import { DueCell, ReferralStatusTag } from './columns';
import { placeOf } from '../../app/format';

const WITHHELD = <Typography.Text type="secondary">（无权查看）</Typography.Text>;
const orDash = (value: string | null | undefined) => (value ? value : '—');

function items(r: ReferralDetail): DescriptionsProps['items'] {
  const list: DescriptionsProps['items'] = [
    { key: 'no', label: '转介编号', children: <span className="mono">{r.referralNo}</span> },
    { key: 'status', label: '状态', children: <ReferralStatusTag status={r.status} /> },
    { key: 'person', label: '对象', children: r.personId ? orDash(r.personName) : '全户' },
    { key: 'head', label: '户主', children: orDash(r.headName) },
    { key: 'id', label: '身份证号', children: r.idNumber ? <span className="mono">{r.idNumber}</span> : '—' },
    { key: 'place', label: '乡镇/村', children: placeOf(r) },
    { key: 'kind', label: '需求类别', children: NEED_KIND_LABELS[r.needKind] },
    {
      key: 'case',
      label: '来源案件',
      children: r.caseId ? <Link to={`/approvals/${r.caseId}`}>{r.caseNo ?? '查看案件'}</Link> : '—',
    },
    { key: 'need', label: '需求描述', span: 2, children: r.masked ? WITHHELD : <span className="referral-text">{orDash(r.need)}</span> },
    { key: 'org', label: '帮扶机构', children: `${r.organisationName}（${ORGANISATION_KIND_LABELS[r.organisationKind]}）` },
    { key: 'contact', label: '机构联系', children: [r.organisationContact, r.organisationPhone].filter(Boolean).join(' ') || '—' },
    { key: 'referred', label: '转介日期', children: <span className="mono">{r.referredOn}</span> },
    { key: 'due', label: '反馈期限', children: <DueCell row={r} /> },
    { key: 'by', label: '登记人', children: r.createdBy },
    {
      key: 'household',
      label: '家庭档案',
      children: <Link to={`/ledger/households/${r.householdId}`}>查看该户</Link>,
    },
  ];
  if (r.closedOn) {
    list.push({ key: 'outcome', label: r.status === 'declined' ? '未接收原因' : '办理结果', span: 2, children: r.masked ? WITHHELD : <span className="referral-text">{orDash(r.outcome)}</span> });
  }
  return list;
}

export function ReferralDetails({ referral }: { referral: ReferralDetail }) {
  return <Descriptions size="small" column={2} items={items(referral)} className="referral-section" />;
}
