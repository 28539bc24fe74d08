/**
 * 统计报表: the statistical forms and payment rosters of a month (or quarter), computed as of that period.
 * Every number can be opened to the named rows behind it; a submitted period shows its frozen values.
 */
import { Card, Empty, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { DrillDrawer } from './DrillDrawer';
import { ReportActions } from './ReportActions';
import type { DrillTarget } from './ReportCell';
import { ReportFilters } from './ReportFilters';
import { requestOf } from './report-query';
import { ReportTable } from './ReportTable';
import { SnapshotBanner } from './SnapshotBanner';
import { useReportQuery } from './use-report-query';
import { useTownshipName } from './use-township-name';
import './reports.css';

export function ReportsPage() {
  const { user } = useSignedIn();
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const [query, update] = useReportQuery();
  const request = requestOf(query, fixedTownshipId === null);
  const report = useRead('reports.compute', request, { keepPrevious: true });
  const townshipName = useTownshipName(request.townshipId);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const onDrill = useCallback((target: DrillTarget) => setDrill(target), []);
  // While another period loads the previous answer stays up, dimmed; it is never drilled into meanwhile.
  const result = report.data;
  const stale = report.isPlaceholderData;

  return (
    <>
      <PageTitle title="统计报表" note="按月（或季度）统计，点击数字查看构成该数字的明细；上报后本期数据冻结" extra={<ReportActions request={request} result={stale ? undefined : result} />} />
      <Card className="report-card">
        <ReportFilters query={query} onChange={update} fixedTownshipId={fixedTownshipId} />
        {result ? (
          <Spin spinning={report.isFetching}>
            <section className="report-sheet" aria-label={result.title} data-testid="report-sheet" data-stale={stale ? 'true' : undefined}>
              <Typography.Title level={4} className="report-title">
                {result.title}
              </Typography.Title>
              <div className="report-meta">
                <span>
                  {result.countyName}
                  {townshipName ?? ''}
                </span>
                <span data-testid="report-period">{result.periodLabel}</span>
                <span>{result.unitLine}</span>
              </div>
              <SnapshotBanner result={result} />
              <ReportTable result={result} onDrill={stale ? () => undefined : onDrill} />
            </section>
          </Spin>
        ) : report.isPending ? (
          <div className="report-state">
            <Spin />
          </div>
        ) : (
          <Empty className="report-state" description={report.error?.message ?? '无法生成报表'} />
        )}
      </Card>
      <DrillDrawer request={request} target={drill} frozen={Boolean(result?.snapshot)} onClose={() => setDrill(null)} />
    </>
  );
}
