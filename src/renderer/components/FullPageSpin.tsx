import { Spin, Typography } from 'antd';

export function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spin size="large" />
      <Typography.Text type="secondary">正在加载…</Typography.Text>
    </div>
  );
}
