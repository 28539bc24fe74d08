/** A titled list on a page of several (已逾期 / 近期待访, 进行中 / 待随访): the title, a count tag, a note, the table. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import './list-section.css';

interface Props {
  /** Also the section's accessible name. */
  title: string;
  count: ReactNode;
  note?: ReactNode;
  children: ReactNode;
}

export function ListSection({ title, count, note, children }: Props) {
  return (
    <section className="list-section" aria-label={title}>
      <div className="list-section-head">
        <Typography.Title level={5} className="list-section-title">
          {title}
        </Typography.Title>
        {count}
        {note}
      </div>
      {children}
    </section>
  );
}
