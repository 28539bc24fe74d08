/** What was read and how: the file, its sheet, program and township, and where the header sits. */
import { FileExcelOutlined } from '@ant-design/icons';
import { Select, Space, Tag, Typography } from 'antd';
import type { ImportPreview, ImportSettings } from '../../../shared/api/imports.schemas';
import { PROGRAM_LABELS, PROGRAMS, type Program } from '../../../shared/domain/programs';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { PURPOSE_LABELS } from './settings';

const PROGRAM_OPTIONS = PROGRAMS.map((p) => ({ value: p, label: PROGRAM_LABELS[p] }));

interface Props {
  preview: ImportPreview;
  onChange: (patch: Partial<ImportSettings>) => void;
  /** Township clerks import for their own township only. */
  townshipFixed: boolean;
  disabled: boolean;
}

function formatOf(preview: ImportPreview): string {
  if (preview.format === 'xlsx') return 'Excel 工作簿';
  return preview.encoding ? `CSV 文本（${preview.encoding}）` : 'CSV 文本';
}

export function PreviewHeader({ preview, onChange, townshipFixed, disabled }: Props) {
  const { top, bottom } = preview.headerRows;
  return (
    <div className="import-header">
      <Space wrap size={[12, 4]} className="import-file">
        <Tag color={preview.purpose === 'initial_load' ? 'purple' : 'cyan'}>{PURPOSE_LABELS[preview.purpose]}</Tag>
        <FileExcelOutlined />
        <Typography.Text strong>{preview.fileName}</Typography.Text>
        <Typography.Text type="secondary">{formatOf(preview)}</Typography.Text>
        <Typography.Text type="secondary">表头：{top === bottom ? `第 ${top} 行` : `第 ${top}–${bottom} 行`}</Typography.Text>
        {preview.mappingRemembered && <Tag color="blue">已使用上次保存的列对应</Tag>}
      </Space>
      <div className="import-settings">
        {preview.sheets.length > 1 && (
          <div className="import-setting">
            <span>工作表</span>
            <Select
              aria-label="工作表"
              className="import-select"
              value={preview.sheetIndex}
              disabled={disabled}
              // Another sheet has other columns: its mapping is detected afresh.
              onChange={(sheetIndex: number) => onChange({ sheetIndex, mapping: undefined })}
              options={preview.sheets.map((s) => ({ value: s.index, label: `${s.name}（${s.rows} 行）` }))}
            />
          </div>
        )}
        <div className="import-setting">
          <span>保障项目</span>
          <Select
            aria-label="保障项目"
            className="import-select"
            value={preview.program}
            disabled={disabled}
            onChange={(program: Program) => onChange({ program })}
            options={PROGRAM_OPTIONS}
          />
          {preview.programDetected && <Tag color="green">自动识别</Tag>}
        </div>
        <div className="import-setting">
          <span>乡镇（街道）</span>
          <TownshipSelect
            aria-label="乡镇（街道）"
            className="import-select"
            value={preview.townshipId ?? undefined}
            disabled={disabled || townshipFixed}
            placeholder="请选择花名册所属乡镇"
            onChange={(townshipId) => onChange({ townshipId: townshipId ?? null })}
          />
          {preview.townshipDetected && !townshipFixed && <Tag color="green">自动识别</Tag>}
        </div>
      </div>
    </div>
  );
}
