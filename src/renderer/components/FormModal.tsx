/**
 * A modal holding one form. The whole modal sits inside the <form>, so its OK button is a real submit
 * button and Enter in the last field submits; the first field gets the focus once the modal is open,
 * unless a field already has it.
 */
import { Form, Modal, type FormInstance } from 'antd';
import { useRef, type ReactNode } from 'react';
import { enterMovesOn } from './enter-moves-on';

interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  saving?: boolean;
  width?: number;
  onCancel: () => void;
  onFinish: (values: T) => void;
  children: ReactNode;
}

export function FormModal<T extends object>(props: FormModalProps<T>) {
  const { open, title, okText, form, initialValues, saving, width = 480, onCancel, onFinish, children } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onCancel}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        // Someone quick (or a test) may already be typing in a field; the focus is not taken from them.
        const body = bodyRef.current;
        if (visible && body && !body.contains(document.activeElement)) body.querySelector<HTMLInputElement>('input:not([disabled]):not([readonly])')?.focus();
      }}
      modalRender={(dom) => (
        <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} clearOnDestroy onKeyDown={enterMovesOn} requiredMark>
          {dom}
        </Form>
      )}
    >
      <div ref={bodyRef} className="form-modal-body">
        {children}
      </div>
    </Modal>
  );
}
