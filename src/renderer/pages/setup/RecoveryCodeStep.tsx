import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { RecoveryPrintSheet } from './RecoveryPrintSheet';

interface Props {
  recoveryCode: string;
  countyName: string;
  createdAt: Date;
  onDone: () => void;
}

/** The recovery code is shown once; leaving is allowed only after the user says it is kept safe. */
export function RecoveryCodeStep({ recoveryCode, countyName, createdAt, onDone }: Props) {
  const [kept, setKept] = useState(false);
  return (
    <div className="recovery-step">
      <Alert
        type="warning"
        showIcon
        title="台账已创建。恢复码只显示这一次"
        description={
          <ul className="recovery-notes">
            <li>忘记管理员密码时凭恢复码重新打开台账；丢失恢复码又忘记密码，台账将无法打开。</li>
            <li>请打印或抄写后交单位负责人保管，不要保存在这台电脑上。</li>
          </ul>
        }
      />
      <div className="recovery-code" aria-label="恢复码">
        {recoveryCode}
      </div>
      <Typography.Paragraph type="secondary" className="recovery-meta">
        {countyName} · 创建于 {dayjs(createdAt).format('YYYY年M月D日 HH:mm')}
      </Typography.Paragraph>
      <div className="form-actions recovery-actions">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印恢复码
        </Button>
      </div>
      <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} className="recovery-confirm">
        我已打印或抄写恢复码
      </Checkbox>
      <div className="form-actions">
        <Button type="primary" disabled={!kept} onClick={onDone}>
          完成，去登录
        </Button>
      </div>
      <RecoveryPrintSheet recoveryCode={recoveryCode} countyName={countyName} createdAt={createdAt} />
    </div>
  );
}
