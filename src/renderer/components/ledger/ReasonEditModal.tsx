/** A change to the ledger in a modal: its fields, then the reason for it (ReasonField), saved with one write. */
import { SaveFormModal, type SaveFormModalProps } from '../SaveFormModal';
import { ReasonField } from './ReasonField';

export type WithReason<T> = T & { reason: string };

interface Props<T> extends Omit<SaveFormModalProps<WithReason<T>>, 'okText' | 'form'> {
  /** An example reason, in the words of the record changed. */
  reasonPlaceholder?: string;
}

export function ReasonEditModal<T extends object>({ reasonPlaceholder, children, ...rest }: Props<T>) {
  return (
    <SaveFormModal<WithReason<T>> {...rest}>
      {children}
      <ReasonField placeholder={reasonPlaceholder} />
    </SaveFormModal>
  );
}
