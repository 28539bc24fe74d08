/** Exporting the roster (花名册) of the current filter: the browser downloads it, the desktop app saves it where the user chose. */
import { App } from 'antd';
import type { FileDelivery, LedgerFilter } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';

/** A same-origin download through a link, so no window opens and the session cookie goes along. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function useRosterExport() {
  const { message } = App.useApp();
  const roster = useWrite('exports.roster');

  const run = async (filter: LedgerFilter) => {
    let delivery: FileDelivery;
    try {
      delivery = await roster.mutateAsync(filter);
    } catch (err) {
      reportError(err);
      return;
    }
    if (delivery.kind === 'download') {
      download(delivery.url, delivery.fileName);
      message.success(`已导出 ${delivery.rows} 行：${delivery.fileName}`);
    } else if (delivery.kind === 'saved') {
      message.success(`已导出 ${delivery.rows} 行：${delivery.path}`);
    }
  };

  return { run, exporting: roster.isPending };
}
