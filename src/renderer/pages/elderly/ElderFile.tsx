/** An elder's file as read: who and where, difficulties and contact, visits due, and the ability assessments. */
import { Descriptions, Empty, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import type { Assessment, ElderDetail } from '../../../shared/api/elderly.schemas';
import { ASSESSMENT_LEVEL_LABELS } from '../../../shared/domain/elderly';
import { SEX_LABELS } from '../../../shared/domain/person-attributes';
import { placeOf } from '../../app/format';
import { DueText } from '../care/DueText';
import { DifficultyTags } from './columns';

const orDash = (value: string | null | undefined) => (value ? value : '—');
const mono = (value: string | null | undefined) => (value ? <span className="mono">{value}</span> : '—');

function summaryItems(elder: ElderDetail): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: elder.name },
    { key: 'id', label: '身份证号', children: mono(elder.idNumber) },
    { key: 'sex', label: '性别', children: SEX_LABELS[elder.sex] },
    { key: 'age', label: '年龄', children: `${elder.age} 岁` },
    { key: 'place', label: '乡镇/村', children: placeOf(elder), span: 2 },
    { key: 'difficulties', label: '困难类型', children: <DifficultyTags list={elder.difficulties} />, span: 2 },
    { key: 'contact', label: '紧急联系人', children: orDash(elder.contactName) },
    { key: 'phone', label: '联系电话', children: orDash(elder.contactPhone) },
    { key: 'opened', label: '建档日期', children: mono(elder.openedOn) },
    { key: 'last', label: '上次探访', children: elder.lastVisitedOn ? mono(elder.lastVisitedOn) : '未探访' },
    {
      key: 'next',
      label: '下次应访',
      span: 2,
      children:
        elder.dueState === 'closed' ? (
          <Typography.Text type="secondary">已结案，不再提醒</Typography.Text>
        ) : (
          <span>
            {mono(elder.nextDueOn)} <DueText row={elder} />
          </span>
        ),
    },
  ];
  if (elder.closedOn) {
    items.push({ key: 'closed', label: '结案日期', children: mono(elder.closedOn) });
    items.push({ key: 'closeReason', label: '结案原因', children: orDash(elder.closeReason) });
  }
  return items;
}

const LEVEL_COLORS: Record<Assessment['level'], string> = { intact: 'green', mild: 'gold', moderate: 'orange', severe: 'red', total: 'magenta' };

const assessmentColumns: TableColumnsType<Assessment> = [
  { title: '评估日期', dataIndex: 'assessedOn', width: 110, className: 'mono-cell' },
  { title: '能力等级', dataIndex: 'level', width: 100, render: (level: Assessment['level']) => <Tag color={LEVEL_COLORS[level]}>{ASSESSMENT_LEVEL_LABELS[level]}</Tag> },
  { title: '总分', dataIndex: 'score', width: 60, align: 'right', render: (score: number | null) => score ?? '—' },
  { title: '评估机构', dataIndex: 'organisation', width: 150, ellipsis: true },
  { title: '说明', dataIndex: 'notes', ellipsis: true, render: orDash },
  { title: '下次评估', dataIndex: 'nextDueOn', width: 110, className: 'mono-cell' },
];

export function ElderAssessments({ assessments }: { assessments: Assessment[] }) {
  if (assessments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有能力评估记录" />;
  return <Table<Assessment> rowKey="id" size="small" columns={assessmentColumns} dataSource={assessments} pagination={false} scroll={{ x: 640 }} />;
}

export function ElderFile({ elder }: { elder: ElderDetail }) {
  return <Descriptions size="small" column={2} items={summaryItems(elder)} className="elderly-file-section" />;
}
