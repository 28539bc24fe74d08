/**
 * 公示名单: the applicants of one township (or one village) in their notice period, for the village
 * notice board. Names, programs, people covered and amounts only — never an ID number.
 */
import { useSearchParams } from 'react-router-dom';
import type { MethodOutput } from '../../../shared/api/contract';
import { formatYuan } from '../../../shared/domain/money';
import { PROGRAM_LABELS } from '../../../shared/domain/programs';
import { useRead } from '../../api/queries';
import { chineseDate, townshipOffice } from './format';
import { PrintSheet } from './PrintSheet';

type NoticeList = MethodOutput<'cases.noticeList'>;

export function noticeListTitle(townshipName: string): string {
  return `${townshipName}最低生活保障等救助对象公示名单`;
}

function amountOf(row: NoticeList['rows'][number]): string {
  if (row.amountFen === null) return '—';
  return `${formatYuan(row.amountFen)} 元${row.program === 'linshi' ? '' : '/月'}`;
}

function NoticeListSheet({ list, villageChosen }: { list: NoticeList; villageChosen: boolean }) {
  const office = townshipOffice(list.townshipName);
  const village = villageChosen ? list.rows.find((r) => r.villageName)?.villageName : null;
  return (
    <>
      <h1 className="doc-title">{noticeListTitle(list.townshipName)}</h1>
      {village && <div className="doc-subtitle">（{village}）</div>}
      <div className="doc-meta">
        <span>{list.county}</span>
        <span>共 {list.rows.length} 户（人）</span>
      </div>
      <table className="doc-table">
        <colgroup>
          <col style={{ width: '11mm' }} />
          <col style={{ width: '28mm' }} />
          <col style={{ width: '22mm' }} />
          <col />
          <col style={{ width: '17mm' }} />
          <col style={{ width: '28mm' }} />
          <col style={{ width: '38mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>村（社区）</th>
            <th>姓名</th>
            <th>项目</th>
            <th>保障人数</th>
            <th>金额</th>
            <th>公示期</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row, i) => (
            <tr key={row.caseId}>
              <td className="doc-center">{i + 1}</td>
              <td>{row.villageName ?? '—'}</td>
              <td>{row.name}</td>
              <td>{PROGRAM_LABELS[row.program]}</td>
              <td className="doc-center">{row.coveredCount}</td>
              <td className="doc-num">{amountOf(row)}</td>
              <td className="doc-center">
                {chineseDate(row.noticeFrom)}至{chineseDate(row.noticeTo)}
              </td>
            </tr>
          ))}
          {list.rows.length === 0 && (
            <tr>
              <td colSpan={7} className="doc-center">
                目前没有处于公示期的救助对象
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="doc-notice-foot">
        <p>公示期间，对公示对象有异议的，可以向{office}或{list.county}民政局反映。</p>
        <p>监督电话：{list.complaintPhone || '＿＿＿＿＿＿＿＿'}</p>
      </div>
      <div className="doc-issuer">
        <div>{office}</div>
        <div>{chineseDate(list.today)}</div>
      </div>
    </>
  );
}

export function NoticeListPrint() {
  const [params] = useSearchParams();
  const townshipId = params.get('townshipId') ?? '';
  const villageId = params.get('villageId') || undefined;
  const list = useRead('cases.noticeList', { townshipId, villageId }, { silent: true, enabled: Boolean(townshipId) });
  return (
    <PrintSheet
      name={list.data ? `公示名单-${list.data.townshipName}` : null}
      backTo="/approvals"
      loading={Boolean(townshipId) && list.isPending}
      error={list.error}
      unavailable={townshipId ? null : { title: '请先选择乡镇（街道）', subTitle: '在审批待办中点“打印公示名单”，选择要公示的乡镇（街道）。' }}
    >
      {list.data && <NoticeListSheet list={list.data} villageChosen={Boolean(villageId)} />}
    </PrintSheet>
  );
}
