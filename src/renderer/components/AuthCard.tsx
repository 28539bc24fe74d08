import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the pages seen before signing in (setup, login, recovery, forced password change). */
export function AuthCard({ title, subtitle, width = 420, children }: { title: ReactNode; subtitle?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-brand">
        <span className="brand-mark">兜底</span>
        <span className="auth-brand-text">社会救助工作台</span>
      </div>
      <Card className="auth-card" style={{ width }}>
        <Typography.Title level={3} className="auth-title">
          {title}
        </Typography.Title>
        {subtitle && <div className="auth-subtitle">{subtitle}</div>}
        {children}
      </Card>
      <div className="auth-footer">台账加密保存在本机 · 不联网</div>
    </div>
  );
}
