import type { FileViewer } from '../ledger/person-file';

/** What a viewer of elderly care may see: whole ID numbers (clerks and reviewers), and care records whole (care workers). */
export interface ElderlyViewer extends FileViewer {
  seesIds: boolean;
}
