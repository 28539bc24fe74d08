import { RightOutlined } from '@ant-design/icons';
import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  value: number | undefined;
  suffix?: string;
  icon: ReactNode;
  /** A line under the number (e.g. how many of them are overdue). */
  note?: ReactNode;
  loading?: boolean;
  /** When given, the card opens a page; it is then a link for the keyboard too. */
  onOpen?: () => void;
}

export function StatCard({ title, value, suffix, icon, note, loading, onOpen }: Props) {
  const clickable = onOpen !== undefined;
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
        if (clickable && (e.key === 'Enter' || e.key === ' ')) {
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
