/**
 * The bar above a print view (never printed): back, print, and in the desktop app 导出 PDF, which has the
 * main side print the window to a PDF the user saves where they choose.
 */
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { receiveFile } from '../../api/file-delivery';

export interface PrintToolbarProps {
  /** Where 返回 goes when the view was opened directly (not from another page of the app). */
  backTo: string;
  /** The PDF's suggested file name, e.g. 审批表-DB2026-0001.pdf. */
  pdfName: string;
  /** Printing waits until the sheet shows all its data. */
  ready: boolean;
}

/** The desktop app has the preload bridge; a browser talks HTTP and prints (or saves a PDF) itself. */
export const isDesktopApp = (): boolean => Boolean(window.doudi);

export function PrintToolbar({ backTo, pdfName, ready }: PrintToolbarProps) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const toPdf = useWrite('print.toPdf');
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const cameFromApp = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

  const exportPdf = async () => {
    try {
      const delivery = await toPdf.mutateAsync({ fileName: pdfName });
      const where = receiveFile(delivery);
      if (where) {
        setSavedPath(where);
        message.success(`已导出 PDF：${where}`);
      }
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <div className="doc-toolbar" role="toolbar" aria-label="打印操作">
      <Button icon={<ArrowLeftOutlined />} onClick={() => (cameFromApp ? navigate(-1) : navigate(backTo))}>
        返回
      </Button>
      <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
        打印
      </Button>
      {isDesktopApp() && (
        <Button icon={<FilePdfOutlined />} disabled={!ready} loading={toPdf.isPending} onClick={() => void exportPdf()}>
          导出 PDF
        </Button>
      )}
      {savedPath && <Typography.Text className="doc-toolbar-saved">已保存到：{savedPath}</Typography.Text>}
    </div>
  );
}
