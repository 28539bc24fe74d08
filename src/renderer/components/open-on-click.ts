import type { TableProps } from 'antd';

/** Table rows that open what they stand for, by mouse or by Enter on the focused row. */
export function openOnClick<T>(open: (row: T) => void): TableProps<T>['onRow'] {
  return (row) => ({
    onClick: () => open(row),
    onKeyDown: (e) => {
      if (e.key === 'Enter' && e.target === e.currentTarget) open(row);
    },
    tabIndex: 0,
  });
}
