/** A file that cannot be read at all: the import is refused as a whole with a code and a Chinese message. */
export type RefusalCode =
  | 'file_empty'
  | 'file_corrupt'
  | 'file_encrypted'
  | 'file_legacy_xls'
  | 'file_not_spreadsheet'
  | 'file_too_large'
  | 'file_no_header'
  | 'file_too_many_rows';

export class ImportRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}
