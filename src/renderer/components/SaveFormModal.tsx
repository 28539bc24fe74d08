/** A FormModal that writes its values: on success a message and the modal closes; a refusal stays on the form. */
import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from './FormModal';
import { useSubmit, type SubmitOptions } from './use-submit';

export interface SaveFormModalProps<T> extends Omit<SubmitOptions<T>, 'form' | 'onSaved'> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  width?: number;
  /** Given when the caller watches or sets fields itself; otherwise the modal keeps its own. */
  form?: FormInstance<T>;
  initialValues?: Partial<T>;
  saving: boolean;
  onClose: () => void;
  children: ReactNode;
}

export function SaveFormModal<T extends object>(props: SaveFormModalProps<T>) {
  const { open, title, okText = '保存', width, initialValues, saving, save, saved, fieldPaths, onClose, children } = props;
  const [form] = Form.useForm<T>(props.form);
  const submit = useSubmit({ form, save, saved, fieldPaths, onSaved: onClose });
  return (
    <FormModal<T> open={open} title={title} okText={okText} form={form} width={width} initialValues={initialValues} saving={saving} onCancel={onClose} onFinish={submit}>
      {children}
    </FormModal>
  );
}
