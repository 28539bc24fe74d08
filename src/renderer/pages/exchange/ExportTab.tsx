/** 导出花名册与模板: a program's roster in the townships' own layout, or a blank template to fill. */
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { PROGRAM_LABELS, PROGRAMS, type Program } from '../../../shared/domain/programs';
import { seesFullIdNumbers } from '../../../shared/domain/roles';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { useSignedIn } from '../../session/session-context';
import { useFileDelivery } from '../../api/useFileDelivery';

const PROGRAM_OPTIONS = PROGRAMS.map((p) => ({ value: p, label: PROGRAM_LABELS[p] }));

export function ExportTab() {
  const { user } = useSignedIn();
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const [program, setProgram] = useState<Program>('dibao');
  const [townshipId, setTownshipId] = useState<string | undefined>(fixedTownshipId ?? undefined);
  const roster = useFileDelivery('exports.programRoster', (rows, where) => `已导出 ${rows} 行：${where}`);
  const template = useFileDelivery('exports.template', (_rows, where) => `已下载模板：${where}`);

  return (
    <div className="export-tab">
      <Typography.Paragraph type="secondary">
        导出的花名册与乡镇报送的格式相同（每户成员合并成块），乡镇核对、修改后可原样导入“导入花名册”。
        {!seesFullIdNumbers(user.role) && '您导出的花名册中身份证号码和银行账号已部分遮盖，仅供查看，不能用于导入。'}
      </Typography.Paragraph>
      <div className="import-settings">
        <div className="import-setting">
          <span>保障项目</span>
          <Select aria-label="保障项目" className="import-select" value={program} onChange={(p: Program) => setProgram(p)} options={PROGRAM_OPTIONS} />
        </div>
        <div className="import-setting">
          <span>乡镇（街道）</span>
          <TownshipSelect
            aria-label="乡镇（街道）"
            className="import-select"
            value={townshipId}
            onChange={setTownshipId}
            allowClear={fixedTownshipId === null}
            disabled={fixedTownshipId !== null}
            placeholder="全县"
          />
        </div>
      </div>
      <Space wrap className="export-actions">
        <Button type="primary" icon={<ExportOutlined />} loading={roster.busy} onClick={() => void roster.run({ program, townshipId })}>
          导出花名册
        </Button>
        <Button icon={<DownloadOutlined />} loading={template.busy} onClick={() => void template.run({ program })}>
          下载空白模板
        </Button>
      </Space>
    </div>
  );
}
