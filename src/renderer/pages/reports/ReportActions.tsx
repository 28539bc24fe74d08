/** 上报 (only when the backend says this user may, now), 导出 Excel and 打印 for the form on screen. */
import { CloudUploadOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { ReportRequest, ReportResult } from '../../../shared/api/reports.schemas';
import { reportError } from '../../api/errors';
import { queryKeyOf, useWrite } from '../../api/queries';
import { useFileDelivery } from '../../api/useFileDelivery';
import { reportPrintPath } from './report-query';

interface Props {
  request: ReportRequest;
  result: ReportResult | undefined;
}

export function ReportActions({ request, result }: Props) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submit = useWrite('reports.submit', ['reports.compute']);
  const excel = useFileDelivery('reports.export', (_rows, where) => `已导出：${where}`);

  const confirmSubmit = (shown: ReportResult) =>
    modal.confirm({
      title: `上报${shown.periodLabel}${shown.title}？`,
      content: '上报后本期数据即冻结：以后打开本期报表，显示的都是上报时的数字；台账此后的更正不改变报表，只列为差异。上报后不能撤回。',
      okText: '确认上报',
      cancelText: '取消',
      onOk: async () => {
        try {
          const frozen = await submit.mutateAsync(request);
          // The answer is the frozen form itself: show it at once, before the refetch lands.
          queryClient.setQueryData(queryKeyOf('reports.compute', request), frozen);
          message.success(`已上报${frozen.periodLabel}${frozen.title}`);
        } catch (err) {
          reportError(err);
        }
      },
    });

  return (
    <Space wrap>
      {result?.canSubmit && (
        <Button type="primary" icon={<CloudUploadOutlined />} loading={submit.isPending} onClick={() => confirmSubmit(result)}>
          上报
        </Button>
      )}
      <Button icon={<FileExcelOutlined />} loading={excel.busy} disabled={!result} onClick={() => void excel.run(request)}>
        导出 Excel
      </Button>
      <Button icon={<PrinterOutlined />} disabled={!result} onClick={() => navigate(reportPrintPath(request))}>
        打印
      </Button>
    </Space>
  );
}
