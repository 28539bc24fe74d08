import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The heading row of a page: title, an optional note, and actions on the right. */
export function PageTitle({ title, note, extra }: { title: ReactNode; note?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <div>
        <Typography.Title level={4} className="page-title-text">
          {title}
        </Typography.Title>
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </div>
      {extra && <div className="page-title-extra">{extra}</div>}
    </div>
  );
}
