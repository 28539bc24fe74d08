/** Who the household is and where it lives: head, place, hukou, the month's total, and its contact and bank. */
import { Card, Descriptions, Statistic, Tag } from 'antd';
import type { HouseholdDetail } from '../../../shared/api/contract';
import { HUKOU_LABELS } from '../../../shared/domain/household';
import { formatYuan } from '../../../shared/domain/money';
import { formatDateTime } from '../../app/format';

export function headOf(household: HouseholdDetail) {
  return household.members.find((m) => m.id === household.headPersonId) ?? null;
}

export function HouseholdSummary({ household }: { household: HouseholdDetail }) {
  const head = headOf(household);
  const place = [household.townshipName, household.villageName].filter(Boolean).join(' · ');
  return (
    <Card className="household-card">
      <div className="household-head">
        <div>
          <div className="household-name">
            <span>户主：{head?.name ?? '（未指定）'}</span>
            <Tag color={household.hukouType === 'urban' ? 'geekblue' : 'green'}>{HUKOU_LABELS[household.hukouType]}户口</Tag>
            <Tag>{household.members.length} 人</Tag>
          </div>
          <div className="household-place">
            {place} · {household.address}
          </div>
        </div>
        <Statistic title="月保障金额合计（元）" value={formatYuan(household.monthlyTotalFen)} className="household-total" />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'phone', label: '联系电话', children: household.phone ?? '—' },
          { key: 'bank', label: '开户银行', children: household.bankName ?? '—' },
          { key: 'account', label: '银行账号', children: household.bankAccount ? <span className="mono">{household.bankAccount}</span> : '—' },
          { key: 'created', label: '登记时间', children: formatDateTime(household.createdAt) },
          { key: 'updated', label: '最近修改', children: formatDateTime(household.updatedAt) },
          { key: 'notes', label: '备注', children: household.notes ?? '—' },
        ]}
      />
    </Card>
  );
}
