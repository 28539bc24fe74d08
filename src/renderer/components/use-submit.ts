import { App, type FormInstance } from 'antd';
import { reportError, withFieldPaths, type NamePath } from '../api/errors';

export interface SubmitOptions<T> {
  form: FormInstance<T>;
  /** The write, e.g. a mutation's mutateAsync. */
  save: (values: T) => Promise<unknown>;
  /** The message once it is saved. */
  saved: string | ((values: T) => string);
  /** Where the write's field paths differ from the form's names (e.g. a nested input). */
  fieldPaths?: (path: NamePath) => NamePath;
  /** After the message: a modal closes. */
  onSaved?: () => void;
}

/** The one way a form writes: save, say so, go on; a refusal lands on the form's fields through the error handler. */
export function useSubmit<T>({ form, save, saved, fieldPaths, onSaved }: SubmitOptions<T>): (values: T) => void {
  const { message } = App.useApp();
  const submit = async (values: T) => {
    try {
      await save(values);
      message.success(typeof saved === 'string' ? saved : saved(values));
      onSaved?.();
    } catch (err) {
      reportError(fieldPaths ? withFieldPaths(err, fieldPaths) : err, form);
    }
  };
  return (values) => void submit(values);
}
