/** What one committed batch did, and where to go next. */
import { Button, Descriptions, Result } from 'antd';
import type { ImportPurpose, ImportResult } from '../../../shared/api/imports.schemas';

interface Props {
  result: ImportResult;
  purpose: ImportPurpose;
  onHistory: () => void;
  onAgain: () => void;
}

export function ImportResultView({ result, purpose, onHistory, onAgain }: Props) {
  return (
    <Result
      status="success"
      title={purpose === 'initial_load' ? '建账导入完成' : '核对导入完成'}
      subTitle="本次导入记为一个批次，可在“导入记录”中查看或撤销。"
      extra={[
        <Button key="history" type="primary" onClick={onHistory}>
          查看导入记录
        </Button>,
        <Button key="again" onClick={onAgain}>
          继续导入
        </Button>,
      ]}
    >
      <Descriptions
        bordered
        size="small"
        column={5}
        className="import-result-counts"
        items={[
          { key: 'households', label: '家庭', children: `${result.households} 户` },
          { key: 'persons', label: '人员', children: `${result.persons} 人` },
          { key: 'enrollments', label: '在保记录', children: `${result.enrollments} 条` },
          { key: 'cases', label: '案件', children: `${result.cases} 件` },
          { key: 'skipped', label: '跳过的行', children: `${result.skippedRows} 行` },
        ]}
      />
      {result.notes.length > 0 && (
        <ul className="import-result-notes">
          {result.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </Result>
  );
}
