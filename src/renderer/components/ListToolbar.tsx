import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** The button adding a record, or false for those who may not. */
  addText: string | false;
  onAdd: () => void;
  /** The left side: the count, and filters where the list has few. */
  children: ReactNode;
}

/** Above a list: what it holds on the left; on the right the button adding one. */
export function ListToolbar({ addText, onAdd, children }: Props) {
  return (
    <div className="table-toolbar">
      {children}
      {addText && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          {addText}
        </Button>
      )}
    </div>
  );
}
