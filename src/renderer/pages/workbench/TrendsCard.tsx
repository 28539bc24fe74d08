/**
 * 保障趋势 on the 工作台 of managers and county staff: per program, the last twelve months of households,
 * persons or spending, and the latest month's figures, each opening that month's 社会救助情况统计表.
 */
import { Card, Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { chineseMonth } from '../../../shared/domain/dates';
import { PROGRAM_SHORT_LABELS } from '../../../shared/domain/programs';
import { useRead } from '../../api/queries';
import { reportPath } from '../reports/report-query';
import { LineChart } from './LineChart';
import { hasAny, MEASURE_FORMAT, MEASURES, type Measure, type TrendSeries } from './trend-measures';

function Figure({ program, label, value, onOpen }: { program: string; label: string; value: string; onOpen: () => void }) {
  return (
    <button type="button" className="trend-figure" onClick={onOpen} aria-label={`${program}${label} ${value}，查看统计表`}>
      <span className="trend-figure-label">{label}</span>
      <span className="trend-figure-value">{value}</span>
    </button>
  );
}

function ProgramTrend({ series, months, measure, onOpen }: { series: TrendSeries; months: string[]; measure: Measure; onOpen: () => void }) {
  const name = PROGRAM_SHORT_LABELS[series.program];
  const latest = months.length - 1;
  const fmt = MEASURE_FORMAT[measure];
  const measureLabel = MEASURES.find((m) => m.value === measure)!.label;
  return (
    <section className="trend-tile" aria-label={series.label}>
      <Typography.Text strong className="trend-tile-title">
        {series.label}
      </Typography.Text>
      <div className="trend-figures">
        <Figure program={name} label="户数" value={MEASURE_FORMAT.households.full(series.households[latest] ?? 0)} onOpen={onOpen} />
        <Figure program={name} label="人数" value={MEASURE_FORMAT.persons.full(series.persons[latest] ?? 0)} onOpen={onOpen} />
        <Figure program={name} label="支出" value={MEASURE_FORMAT.spendingFen.full(series.spendingFen[latest] ?? 0)} onOpen={onOpen} />
      </div>
      <LineChart months={months} values={series[measure]} format={fmt.axis} minTop={fmt.minTop} label={`${name} 近12个月${measureLabel}`} />
    </section>
  );
}

export function TrendsCard() {
  const navigate = useNavigate();
  const [measure, setMeasure] = useState<Measure>('households');
  const trends = useRead('reports.trends', {}, { staleTime: 300_000 });
  const months = trends.data?.months ?? [];
  const latest = months.at(-1);
  const series = (trends.data?.series ?? []).filter(hasAny);
  const openLatest = () => latest && navigate(reportPath({ form: 'assistance-monthly', period: latest }));

  return (
    <Card
      className="trends-card"
      title={latest ? `保障趋势（近 12 个月，截至${chineseMonth(latest)}）` : '保障趋势（近 12 个月）'}
      loading={trends.isPending}
      extra={<Segmented<Measure> aria-label="趋势指标" options={MEASURES} value={measure} onChange={setMeasure} />}
    >
      {series.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近 12 个月没有保障数据" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="trends-note">
            数字为{latest ? chineseMonth(latest) : '最近一个月'}的情况，点击查看当月社会救助情况统计表。
          </Typography.Paragraph>
          <div className="trend-grid">
            {series.map((s) => (
              <ProgramTrend key={s.program} series={s} months={months} measure={measure} onOpen={openLatest} />
            ))}
          </div>
        </>
      )}
    </Card>
  );
}
