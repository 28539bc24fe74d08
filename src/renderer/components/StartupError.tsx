import { Button, Result } from 'antd';

/** When the backend cannot be asked whether a ledger exists, nothing else can be shown. */
export function StartupError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const text = error instanceof Error ? error.message : '无法连接到兜底服务';
  return (
    <div className="full-page-center">
      <Result
        status="error"
        title="无法打开工作台"
        subTitle={text}
        extra={
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        }
      />
    </div>
  );
}
