/**
 * Text that could start a formula when a spreadsheet program reads it (=, +, -, @, or a tab or carriage
 * return before them) gets a leading apostrophe, so no exported cell can run anything.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
