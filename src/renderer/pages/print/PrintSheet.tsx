/**
 * The frame of every print view: the toolbar, then one A4 sheet (SimSun-like serif, black on white,
 * bordered tables whose header rows repeat on each page). The sheet appears only once its data is there,
 * marked data-print-ready="true", so neither a person nor a test prints a half-loaded page.
 */
import { Button, Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/api-error';
import { PrintToolbar } from './PrintToolbar';
import './print.css';

/**
 * Rendered in the body while a print view is open: it comes after global.css in the document, so its
 * margins win over the recovery-code sheet's page rule there.
 */
const pageRule = (landscape: boolean) => `@page { size: A4${landscape ? ' landscape' : ''}; margin: ${landscape ? '12mm 15mm' : '15mm'}; }`;

interface PrintSheetProps {
  /** The document's name: the window title while open (a browser's 另存为 PDF suggests it) and the PDF's name. */
  name: string | null;
  backTo: string;
  loading: boolean;
  error: ApiError | null;
  /** Shown instead of the sheet when the data is there but there is nothing to print (e.g. no rejection). */
  unavailable?: { title: string; subTitle?: string } | null;
  /** Wide forms (统计表, 花名册) go across the sheet. */
  landscape?: boolean;
  children?: ReactNode;
}

function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (!title) return undefined;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

export function PrintSheet({ name, backTo, loading, error, unavailable, landscape = false, children }: PrintSheetProps) {
  const navigate = useNavigate();
  const ready = !loading && !error && !unavailable && Boolean(name);
  useDocumentTitle(ready ? name : null);

  let body: ReactNode;
  if (error) {
    const missing = error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN';
    body = (
      <div className="doc-state">
        <Result
          status={missing ? 'warning' : 'error'}
          title={missing ? '找不到要打印的内容' : '无法打开打印页'}
          subTitle={error.message}
          extra={<Button onClick={() => navigate(backTo)}>返回</Button>}
        />
      </div>
    );
  } else if (loading) {
    body = (
      <div className="doc-state">
        <Spin size="large" />
      </div>
    );
  } else if (unavailable) {
    body = (
      <div className="doc-state">
        <Result status="info" title={unavailable.title} subTitle={unavailable.subTitle} />
      </div>
    );
  } else {
    body = (
      <article className={landscape ? 'doc-paper doc-landscape' : 'doc-paper'} data-print-ready="true">
        {children}
      </article>
    );
  }

  return (
    <div className="doc-view">
      <style>{pageRule(landscape)}</style>
      <PrintToolbar backTo={backTo} pdfName={`${name ?? '打印'}.pdf`} ready={ready} />
      {body}
    </div>
  );
}
