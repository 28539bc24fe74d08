/** Exporting the roster (花名册) of the current filter: the browser downloads it, the desktop app saves it where the user chose. */
import { App } from 'antd';
import type { FileDelivery, LedgerFilter } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { receiveFile } from '../../api/file-delivery';

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
    const where = receiveFile(delivery);
    if (where && delivery.kind !== 'cancelled') message.success(`已导出 ${delivery.rows} 行：${where}`);
  };

  return { run, exporting: roster.isPending };
}
