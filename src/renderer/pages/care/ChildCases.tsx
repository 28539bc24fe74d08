/** The care cases of one child (心理关爱个案, 成年后安置), newest first, each opening its case page. */
import { Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { isCareCaseKind } from '../../../shared/domain/workflow/definitions';
import { useRead } from '../../api/queries';
import { CaseStatusTag } from '../approvals/CaseState';

export function ChildCases({ householdId, personId }: { householdId: string; personId: string }) {
  const cases = useRead('cases.ofHousehold', { householdId });
  const rows = (cases.data ?? []).filter((c) => c.personId === personId && isCareCaseKind(c.kind));
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无关爱个案" />;
  return (
    <List
      size="small"
      dataSource={rows}
      renderItem={(c) => (
        <List.Item>
          <Space wrap>
            <Link to={`/approvals/${c.id}`} className="mono">
              {c.caseNo}
            </Link>
            <span>{c.kindLabel}</span>
            <CaseStatusTag status={c.status} outcome={c.outcome} />
            {c.crisis && <Tag color="error">危机</Tag>}
            <Typography.Text type="secondary">{c.status === 'open' ? `当前环节：${c.stepLabel ?? '—'}` : c.followUpOn ? `下次随访 ${c.followUpOn}` : `受理于 ${c.openedOn}`}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
