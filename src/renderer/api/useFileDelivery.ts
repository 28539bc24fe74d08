/** Files the backend makes (rosters, problem lists, templates): the browser downloads them, the desktop saves them where the user chose. */
import { App } from 'antd';
import type { FileDelivery, MethodInput } from '../../shared/api/contract';
import { reportError } from './errors';
import { receiveFile } from './file-delivery';
import { useWrite } from './queries';

type FileMethod = 'exports.roster' | 'imports.problemsWorkbook' | 'imports.differencesWorkbook' | 'exports.template' | 'exports.programRoster' | 'reports.export';

/** `done` words the success message from the delivery's row count and where the file went. */
export function useFileDelivery<M extends FileMethod>(method: M, done: (rows: number, where: string) => string) {
  const { message } = App.useApp();
  const write = useWrite(method);

  const run = async (input: MethodInput<M>) => {
    let delivery: FileDelivery;
    try {
      delivery = await write.mutateAsync(input);
    } catch (err) {
      reportError(err);
      return;
    }
    const where = receiveFile(delivery);
    if (where && delivery.kind !== 'cancelled') message.success(done(delivery.rows, where));
  };

  return { run, busy: write.isPending };
}
