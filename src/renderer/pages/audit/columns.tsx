import type { TableColumnsType } from 'antd';
import type { AuditEntry } from '../../../shared/api/contract';
import { auditWhoLabel } from '../../../shared/domain/audit';
import { formatDateTimeSeconds } from '../../app/format';
import { actionLabel, targetLabel } from './describe';

/** Who, when (local time), what, which record and why; the states before and after are in the expanded row. */
export function auditColumns(displayNames: ReadonlyMap<string, string>): TableColumnsType<AuditEntry> {
  return [
    { title: '序号', dataIndex: 'seq', width: 80, align: 'right' },
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTimeSeconds(at) },
    { title: '用户', dataIndex: 'username', width: 170, render: (u: string | null) => auditWhoLabel(u, displayNames) },
    { title: '操作', dataIndex: 'action', width: 180, render: (a: string) => actionLabel(a) },
    { title: '对象', key: 'target', width: 220, ellipsis: true, render: (_: unknown, row) => targetLabel(row) },
    { title: '修改原因', dataIndex: 'reason', ellipsis: true, render: (r: string | null) => r ?? '' },
  ];
}
