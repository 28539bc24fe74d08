/**
 * A record beside a list (a child's or an elder's file, a referral, a rescue): a skeleton while it is read,
 * a note when it cannot be, and over the record the notice that the role sees it masked.
 */
import { Alert, Drawer, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

interface Props<T extends { masked: boolean }> {
  open: boolean;
  onClose: () => void;
  /** The query reading the record. */
  read: { data: T | undefined; isError: boolean };
  /** Said when it cannot be read. */
  unreadable: string;
  title: ReactNode;
  /** The actions on the record, in the header. */
  extra?: ReactNode;
  width?: number;
  /** The record's test id, for the end-to-end tests. */
  testId: string;
  children: (record: T) => ReactNode;
}

export function RecordDrawer<T extends { masked: boolean }>({ open, onClose, read, unreadable, title, extra, width = 760, testId, children }: Props<T>) {
  const record = read.data;
  return (
    <Drawer open={open} onClose={onClose} size={`min(${width}px, 94vw)`} title={title} extra={extra} destroyOnHidden>
      {!record ? (
        read.isError ? <Empty description={unreadable} /> : <Skeleton active />
      ) : (
        <div data-testid={testId}>
          {record.masked && <Alert type="info" showIcon className="modal-alert" title="您的角色只能查看脱敏信息" />}
          {children(record)}
        </div>
      )}
    </Drawer>
  );
}
