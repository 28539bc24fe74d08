/** A rescue record as read: who, where and how found, the stay and its services, and the leaving. */
import { Descriptions, type DescriptionsProps } from 'antd';
import type { RescueDetail } from '../../../shared/api/vagrant.schemas';
import { FOUND_BY_LABELS, RESCUE_SERVICE_LABELS, rescueTitle } from '../../../shared/domain/vagrant';
import { SEX_LABELS } from '../../../shared/domain/person-attributes';
import { formatDateTime } from '../../app/format';
import { StayCell } from './columns';
import { outcomeText } from './vagrant-options';

const orDash = (value: string | null | undefined) => (value ? value : '—');
const mono = (value: string | null) => (value ? <span className="mono">{value}</span> : '—');

function personItems(r: RescueDetail): DescriptionsProps['items'] {
  return [
    { key: 'name', label: '姓名', children: r.identityKnown ? orDash(r.name) : rescueTitle(r) },
    { key: 'id', label: '身份证号码', children: mono(r.idNumber) },
    { key: 'sex', label: '性别', children: SEX_LABELS[r.sex] },
    { key: 'age', label: r.idNumber ? '年龄（入站时）' : '估计年龄', children: r.age === null ? '—' : `${r.age} 岁` },
    { key: 'native', label: '籍贯（户籍地）', children: orDash(r.nativePlace) },
    { key: 'description', label: '体貌特征', children: orDash(r.description), span: 2 },
  ];
}

function stayItems(r: RescueDetail): DescriptionsProps['items'] {
  return [
    { key: 'found', label: '发现日期', children: mono(r.foundOn) },
    { key: 'foundBy', label: '来源', children: FOUND_BY_LABELS[r.foundBy] },
    { key: 'place', label: '发现地点', children: `${r.townshipName} · ${r.foundPlace}`, span: 2 },
    { key: 'admitted', label: '入站日期', children: mono(r.admittedOn) },
    { key: 'stay', label: '在站天数', children: <StayCell row={r} /> },
    { key: 'services', label: '救助服务', children: r.services.map((s) => RESCUE_SERVICE_LABELS[s]).join('、') || '—', span: 2 },
    { key: 'left', label: '离站日期', children: mono(r.leftOn) },
    { key: 'outcome', label: '去向', children: outcomeText(r) },
    { key: 'notes', label: '备注', children: orDash(r.notes), span: 2 },
    { key: 'created', label: '登记', children: `${r.createdBy} · ${formatDateTime(r.createdAt)}`, span: 2 },
  ];
}

export function RescueRecord({ record }: { record: RescueDetail }) {
  return (
    <>
      <Descriptions size="small" column={2} title="受助人员" items={personItems(record)} className="vagrant-record-section" />
      <Descriptions size="small" column={2} title="救助经过" items={stayItems(record)} className="vagrant-record-section" />
    </>
  );
}
