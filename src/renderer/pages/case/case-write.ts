import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { isApiError } from '../../api/api-error';
import { reportError } from '../../api/errors';

interface Options {
  form: FormInstance;
  message: MessageInstance;
  onClose: () => void;
  /** The case changed under us: read it again. */
  onStale: () => void;
}

/**
 * A write from a case modal: success says what happened and closes; errors go onto the form, and a
 * CONFLICT (someone acted first) also closes the modal and reloads the case.
 */
export async function runCaseWrite(write: () => Promise<string>, { form, message, onClose, onStale }: Options): Promise<void> {
  try {
    message.success(await write());
    onClose();
  } catch (err) {
    reportError(err, form);
    if (isApiError(err, 'CONFLICT')) {
      onClose();
      onStale();
    }
  }
}
