import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Result, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PLANNED_MODULES, type PlannedModule } from './modules';

/** One page for every module that arrives in a later version. */
export function PlaceholderPage({ module }: { module: PlannedModule }) {
  const navigate = useNavigate();
  const { title, summary } = PLANNED_MODULES[module];
  const { token } = theme.useToken();
  return (
    <Card>
      <Result
        icon={<ClockCircleOutlined style={{ color: token.colorPrimary }} />}
        title={title}
        subTitle={
          <>
            <div>{summary}</div>
            <div>该功能将在后续版本中提供。</div>
          </>
        }
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回工作台
          </Button>
        }
      />
    </Card>
  );
}
