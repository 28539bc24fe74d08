import { monotonicFactory } from 'ulid';

/** ULIDs for every record, so ledgers of several offices can later be merged without clashes. */
export const newId = monotonicFactory();
