import { RightOutlined } from '@ant-design/icons';
import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

interface Props {
  title: string;
  value: number | undefined;
  suffix?: string;
  icon: ReactNode;
  /** A line under the number (e.g. how many of them are overdue). */
  note?: ReactNode;
  loading?: boolean;
  /** When given, the page the card opens (e.g. '/care?tab=due'); it is then a link for the keyboard too. */
  to?: string;
}

export function StatCard({ title, value, suffix, icon, note, loading, to }: Props) {
  const navigate = useNavigate();
  const clickable = to !== undefined;
  const onOpen = clickable ? () => navigate(to) : undefined;
  return (
    <Card
      className={clickable ? 'stat-card stat-card-link' : 'stat-card'}
      hoverable={clickable}
      loading={loading}
      onClick={onOpen}
      role={clickable ? 'link' : undefined}
      tabIndex={clickable ? 0 : undefined}
      aria-label={clickable ? title : undefined}
      onKeyDown={(e) => {
        if (onOpen && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <div className="stat-card-icon">{icon}</div>
      <div>
        <Statistic title={title} value={value ?? 0} suffix={suffix} />
        {note}
      </div>
      {clickable && <RightOutlined className="stat-card-arrow" />}
    </Card>
  );
}
