/** A child's file as read: who and where, category and guardianship, the carers, and when the next visit is due. */
import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { ChildDetail } from '../../../shared/api/care.schemas';
import { GUARDIANSHIP_LABELS, PAIRING_KIND_LABELS } from '../../../shared/domain/care';
import { SEX_LABELS } from '../../../shared/domain/person-attributes';
import { CategoryText } from './columns';
import { DueText } from './DueText';
import { placeOf } from '../../app/format';

const orDash = (value: string | null | undefined) => (value ? value : '—');

function summaryItems(child: ChildDetail): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: child.name },
    { key: 'id', label: '身份证号', children: <span className="mono">{child.idNumber}</span> },
    { key: 'sex', label: '性别', children: SEX_LABELS[child.sex] },
    { key: 'age', label: '年龄', children: `${child.age} 岁` },
    { key: 'place', label: '乡镇/村', children: placeOf(child) },
    { key: 'category', label: '儿童类别', children: <CategoryText row={child} /> },
    { key: 'guardianship', label: '监护情况', children: GUARDIANSHIP_LABELS[child.guardianship] },
    { key: 'director', label: '儿童主任', children: orDash(child.directorName) },
    { key: 'opened', label: '建档日期', children: <span className="mono">{child.openedOn}</span> },
    { key: 'leaves', label: '离开台账日期', children: <span className="mono">{child.leavesOn}</span> },
    { key: 'last', label: '上次探访', children: child.lastVisitedOn ? <span className="mono">{child.lastVisitedOn}</span> : '未探访' },
    {
      key: 'next',
      label: '下次应访',
      children:
        child.dueState === 'closed' ? (
          <Typography.Text type="secondary">已结案，不再提醒</Typography.Text>
        ) : (
          <span>
            <span className="mono">{orDash(child.nextDueOn)}</span> <DueText row={child} />
          </span>
        ),
    },
  ];
  if (child.closedOn) {
    items.push({ key: 'closed', label: '结案日期', children: <span className="mono">{child.closedOn}</span> });
    items.push({ key: 'closeReason', label: '结案原因', children: orDash(child.closeReason) });
  }
  return items;
}

function detailItems(child: ChildDetail): DescriptionsProps['items'] {
  const f = child.fields;
  return [
    { key: 'guardianName', label: '监护人姓名', children: orDash(f.guardianName) },
    { key: 'guardianRelation', label: '与儿童关系', children: orDash(f.guardianRelation) },
    { key: 'guardianId', label: '监护人身份证号', children: f.guardianIdNumber ? <span className="mono">{f.guardianIdNumber}</span> : '—' },
    { key: 'guardianPhone', label: '监护人电话', children: orDash(f.guardianPhone) },
    { key: 'school', label: '就读学校', children: orDash(f.school), span: 2 },
    { key: 'health', label: '健康状况', children: orDash(f.health) },
    { key: 'disability', label: '残疾情况', children: orDash(f.disability) },
  ];
}

function pairingItems(child: ChildDetail): DescriptionsProps['items'] {
  const f = child.fields;
  return [
    { key: 'pairingName', label: '结对人姓名', children: orDash(f.pairingName) },
    { key: 'pairingKind', label: '结对人身份', children: f.pairingKind ? PAIRING_KIND_LABELS[f.pairingKind] : '—' },
    { key: 'pairingPhone', label: '结对人电话', children: orDash(f.pairingPhone) },
  ];
}

export function ChildFile({ child }: { child: ChildDetail }) {
  return (
    <>
      <Descriptions size="small" column={2} items={summaryItems(child)} className="care-file-section" />
      {!child.masked && (
        <>
          <Descriptions size="small" column={2} title="监护与照护" items={detailItems(child)} className="care-file-section" />
          <Descriptions size="small" column={3} title="一对一结对" items={pairingItems(child)} className="care-file-section" />
        </>
      )}
    </>
  );
}
