import dayjs from 'dayjs';
import { createPortal } from 'react-dom';

/** The sheet that prints: rendered straight into <body>, hidden on screen; print CSS hides all else. */
export function RecoveryPrintSheet({ recoveryCode, countyName, createdAt }: { recoveryCode: string; countyName: string; createdAt: Date }) {
  return createPortal(
    <div className="print-sheet">
      <h1>兜底 · 社会救助台账恢复码</h1>
      <table>
        <tbody>
          <tr>
            <th>县（市、区）</th>
            <td>{countyName}</td>
          </tr>
          <tr>
            <th>创建日期</th>
            <td>{dayjs(createdAt).format('YYYY年M月D日')}</td>
          </tr>
        </tbody>
      </table>
      {/* Drawn from the attribute by print CSS, so the page holds the code as text only once. */}
      <div className="print-code" data-code={recoveryCode} />
      <ol>
        <li>忘记系统管理员密码时，在登录页点“忘记管理员密码？”，凭此恢复码重新打开台账并重设密码。</li>
        <li>恢复码等同于台账钥匙，请交单位负责人妥善保管，不要拍照、不要存放在电脑上。</li>
        <li>丢失恢复码且忘记全部管理员密码时，台账将无法打开。</li>
      </ol>
      <div className="print-sign">
        <span>保管人签字：</span>
        <span>日期：</span>
      </div>
    </div>,
    document.body,
  );
}
