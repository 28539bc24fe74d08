/** The counts of the roster, and how it compares with the ledger. */
import { Card, Statistic, theme, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/api/imports.schemas';

function Total({ title, value, suffix, color }: { title: string; value: number; suffix: string; color?: string }) {
  return (
    <Card size="small" className="import-total" role="group" aria-label={title}>
      <Statistic title={title} value={value} suffix={suffix} styles={color && value > 0 ? { content: { color } } : undefined} />
    </Card>
  );
}

export function PreviewTotals({ totals }: { totals: ImportPreview['totals'] }) {
  const { token } = theme.useToken();
  return (
    <div className="import-totals">
      <Typography.Text type="secondary" className="import-totals-label">
        表中
      </Typography.Text>
      <div className="import-total-grid">
        <Total title="户数" value={totals.households} suffix="户" />
        <Total title="人数" value={totals.persons} suffix="人" />
        <Total title="有效人数" value={totals.valid} suffix="人" />
        <Total title="错误" value={totals.errors} suffix="处" color={token.colorError} />
        <Total title="警告" value={totals.warnings} suffix="处" color={token.colorWarning} />
      </div>
      <Typography.Text type="secondary" className="import-totals-label">
        与台账比对
      </Typography.Text>
      <div className="import-total-grid">
        <Total title="新增" value={totals.newPersons} suffix="人" />
        <Total title="变更" value={totals.changedPersons} suffix="人" />
        <Total title="无变化" value={totals.unchangedPersons} suffix="人" />
        <Total title="台账在保但表中没有" value={totals.missingPersons} suffix="人" />
      </div>
    </div>
  );
}
