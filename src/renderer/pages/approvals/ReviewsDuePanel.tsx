/**
 * 复核到期: enrollments whose periodic review (复核) falls due within the chosen window. A case worker
 * starts the reviews of the selected ones in one go; those already under review are skipped.
 */
import { Alert, App, Button, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MethodOutput } from '../../../shared/api/contract';
import { formatYuan } from '../../../shared/domain/money';
import { PROGRAM_SHORT_LABELS, type Program } from '../../../shared/domain/programs';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { CASE_WRITES } from './invalidates';
import { REVIEW_WINDOWS } from './use-approvals-query';
import { placeOf } from '../../app/format';

type ReviewDueRow = MethodOutput<'cases.reviewsDue'>[number];
type Started = MethodOutput<'cases.startReviews'>;

/** Reviews already past their date show red; the local date is close enough for a colour. */
const todayIso = () => dayjs().format('YYYY-MM-DD');

const WINDOW_OPTIONS = REVIEW_WINDOWS.map((days) => ({ value: days, label: `${days} 天内` }));

const columns: TableColumnsType<ReviewDueRow> = [
  {
    title: '户主',
    dataIndex: 'headName',
    width: 110,
    render: (name: string | null, row) => <Link to={`/ledger/households/${row.householdId}`}>{name ?? '（未指定）'}</Link>,
  },
  { title: '保障项目', dataIndex: 'program', width: 100, render: (p: Program) => PROGRAM_SHORT_LABELS[p] },
  {
    title: '乡镇/村',
    key: 'place',
    width: 180,
    ellipsis: true,
    render: (_: unknown, row) => placeOf(row),
  },
  { title: '月金额', dataIndex: 'monthlyAmountFen', width: 120, align: 'right', className: 'money-cell', render: (fen: number) => `${formatYuan(fen)} 元` },
  {
    title: '复核到期',
    dataIndex: 'nextReviewOn',
    width: 160,
    render: (on: string, row) => (
      <>
        <Typography.Text type={on < todayIso() ? 'danger' : undefined} className="mono">
          {on}
        </Typography.Text>
        {row.unstableIncome && (
          <Tag className="current-tag" title="收入不稳定，复核周期较短">
            收入不稳定
          </Tag>
        )}
      </>
    ),
  },
  {
    title: '复核案件',
    dataIndex: 'openReviewCaseId',
    width: 110,
    render: (caseId: string | null) => (caseId ? <Link to={`/approvals/${caseId}`}>复核中</Link> : <span className="muted">未发起</span>),
  },
];

interface Props {
  within: number;
  onWithin: (days: number) => void;
  townshipId: string | undefined;
  canStart: boolean;
}

export function ReviewsDuePanel({ within, onWithin, townshipId, canStart }: Props) {
  const { message } = App.useApp();
  const due = useRead('cases.reviewsDue', { withinDays: within, ...(townshipId ? { townshipId } : {}) }, { keepPrevious: true });
  const start = useWrite('cases.startReviews', CASE_WRITES);
  const [selected, setSelected] = useState<string[]>([]);
  const [started, setStarted] = useState<Started | null>(null);
  const rows = due.data ?? [];
  const nameOf = new Map(rows.map((r) => [r.enrollmentId, r.headName ?? r.enrollmentId]));

  const run = async () => {
    try {
      const answer = await start.mutateAsync({ enrollmentIds: selected });
      setStarted(answer);
      setSelected([]);
      message.success(`已发起复核 ${answer.started} 件`);
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <>
      <div className="table-toolbar">
        <Segmented<number> options={WINDOW_OPTIONS} value={within} onChange={onWithin} aria-label="到期范围" />
        {canStart && (
          <Button type="primary" disabled={selected.length === 0} loading={start.isPending} onClick={() => void run()}>
            {selected.length > 0 ? `发起复核（${selected.length}）` : '发起复核'}
          </Button>
        )}
      </div>
      {started && (
        <Alert
          type={started.skipped.length > 0 ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setStarted(null) }}
          className="modal-alert"
          title={`已发起复核 ${started.started} 件${started.skipped.length > 0 ? `，跳过 ${started.skipped.length} 件` : ''}`}
          description={
            started.skipped.length > 0 && (
              <ul className="timeline-changes">
                {started.skipped.map((s) => (
                  <li key={s.enrollmentId}>
                    {nameOf.get(s.enrollmentId) ?? s.enrollmentId}：{s.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Table<ReviewDueRow>
        rowKey="enrollmentId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={due.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={
          canStart
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (row) => ({ disabled: row.openReviewCaseId !== null, 'aria-label': `选择 ${row.headName ?? ''}` }),
              }
            : undefined
        }
        scroll={{ x: 900 }}
        locale={{ emptyText: `${within} 天内没有到期的复核` }}
      />
    </>
  );
}
