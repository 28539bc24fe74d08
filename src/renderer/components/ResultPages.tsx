import { CompassOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Result, theme } from 'antd';
import { useNavigate } from 'react-router-dom';

function BackHome() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      返回工作台
    </Button>
  );
}

export function NotFound() {
  const { token } = theme.useToken();
  return (
    <Result
      icon={<CompassOutlined style={{ color: token.colorTextTertiary }} />}
      title="页面不存在"
      subTitle="您访问的页面不存在，可能已移动或地址有误。"
      extra={<BackHome />}
    />
  );
}

export function Forbidden({ subTitle = '此功能仅供系统管理员使用。' }: { subTitle?: string }) {
  const { token } = theme.useToken();
  return (
    <Result
      icon={<LockOutlined style={{ color: token.colorWarning }} />}
      title="无权访问"
      subTitle={subTitle}
      extra={<BackHome />}
    />
  );
}
