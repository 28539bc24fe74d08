/** A page of settings: labels on the left, 恢复默认 and the save button under the fields. */
import { Button, Form, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { useSubmit, type SubmitOptions } from './use-submit';

/** The width of a setting's input, so the column lines up. */
export const SETTING_WIDTH = { width: 200 };

interface Props<T> extends Omit<SubmitOptions<T>, 'form' | 'onSaved'> {
  /** The settings in force; a skeleton until they are read. */
  initialValues: Partial<T> | undefined;
  /** What 恢复默认 puts in the fields (saving is still the user's step). */
  defaults: Partial<T>;
  labelWidth: number;
  saveText: string;
  saving: boolean;
  children: ReactNode;
}

export function SettingsForm<T extends object>({ initialValues, defaults, labelWidth, saveText, saving, save, saved, fieldPaths, children }: Props<T>) {
  const [form] = Form.useForm<T>();
  const submit = useSubmit({ form, save, saved, fieldPaths });
  if (!initialValues) return <Skeleton active />;
  return (
    <Form<T> form={form} layout="horizontal" labelCol={{ flex: `${labelWidth}px` }} initialValues={initialValues} onFinish={submit}>
      {children}
      <Form.Item label=" " colon={false}>
        <Space>
          <Button onClick={() => form.setFieldsValue(defaults)}>恢复默认</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {saveText}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
