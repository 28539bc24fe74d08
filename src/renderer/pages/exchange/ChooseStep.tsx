/** The first step of an import: what the roster is for, and the file. */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Radio, Spin, Typography, Upload } from 'antd';
import type { ImportPurpose } from '../../../shared/api/imports.schemas';

interface Props {
  purpose: ImportPurpose;
  onPurpose: (purpose: ImportPurpose) => void;
  /** 建账 is for administrators only. */
  canInitialLoad: boolean;
  busy: boolean;
  /** Why the last file was refused, shown until another is chosen. */
  refusal: string | null;
  onFile: (file: File) => void;
}

export function ChooseStep({ purpose, onPurpose, canInitialLoad, busy, refusal, onFile }: Props) {
  return (
    <div className="import-choose">
      {canInitialLoad ? (
        <div className="import-purpose">
          <Radio.Group
            value={purpose}
            onChange={(e) => onPurpose(e.target.value as ImportPurpose)}
            options={[
              { value: 'reconcile', label: '月度核对' },
              { value: 'initial_load', label: '建账导入' },
            ]}
            aria-label="导入用途"
          />
          <Typography.Paragraph type="secondary" className="import-purpose-note">
            {purpose === 'reconcile'
              ? '核对：把乡镇报来的花名册与台账比对，金额变化和台账在保但表中没有的家庭转为变更、停保案件，进入审批流程。'
              : '建账：把系统启用前已在保的对象连同家庭成员录入台账，直接记为在保，不经审批流程。'}
          </Typography.Paragraph>
        </div>
      ) : (
        <Typography.Paragraph type="secondary" className="import-purpose-note">
          月度核对：把乡镇报来的花名册与台账比对，金额变化和台账在保但表中没有的家庭转为变更、停保案件，进入审批流程。
        </Typography.Paragraph>
      )}
      <Spin spinning={busy} tip="正在读取文件…">
        <Upload.Dragger
          accept=".xlsx,.csv,.xls,.et"
          multiple={false}
          showUploadList={false}
          fileList={[]}
          disabled={busy}
          beforeUpload={(file) => {
            onFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入花名册文件</p>
          <p className="ant-upload-hint">支持 Excel（.xlsx）和 CSV 文件，单个文件不超过 100 MB；旧版 .xls 和 WPS（.et）文件请先另存为 .xlsx。</p>
        </Upload.Dragger>
      </Spin>
      {refusal && (
        <Alert
          type="error"
          showIcon
          className="import-alert"
          title="文件无法导入"
          description={
            <>
              <div>{refusal}</div>
              <div>台账未作任何改动。</div>
            </>
          }
        />
      )}
    </div>
  );
}
