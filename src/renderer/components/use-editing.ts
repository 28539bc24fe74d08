import { useState } from 'react';

/**
 * The record a modal edits, or null while it adds one. The record stays while the modal closes, so its
 * title does not change during the closing animation.
 */
export function useEditing<T>() {
  const [state, setState] = useState<{ open: boolean; item: T | null }>({ open: false, item: null });
  return {
    open: state.open,
    item: state.item,
    add: () => setState({ open: true, item: null }),
    edit: (item: T) => setState({ open: true, item }),
    close: () => setState((s) => ({ ...s, open: false })),
  };
}
