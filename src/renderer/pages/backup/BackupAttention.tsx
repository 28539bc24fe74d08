/** The backup warning main decided on (failed, never, old), as the backup page and the 工作台 show it. */
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { formatDateTime } from '../../app/format';

type Attention = NonNullable<MethodOutput<'backup.status'>['attention']>;

export function BackupAttention({ attention, action, className }: { attention: Attention; action?: ReactNode; className?: string }) {
  const title = attention.kind === 'failed' && attention.at ? `${formatDateTime(attention.at)} ${attention.message}` : attention.message;
  return <Alert type={attention.kind === 'failed' ? 'error' : 'warning'} showIcon className={className} title={title} action={action} />;
}
