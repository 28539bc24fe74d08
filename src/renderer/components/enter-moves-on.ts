import type { KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly])';

/**
 * Form onKeyDown: Enter in a field moves to the next field still empty (a text area too, such as the
 * opinion after a date); when every later field is filled, Enter submits as usual. Select boxes keep
 * Enter for choosing an option, and a text area keeps it for a new line.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.getAttribute('role') === 'combobox') return;
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(FIELDS)).filter(
    (el) => el.getAttribute('role') !== 'combobox' && el.offsetParent !== null,
  );
  const index = fields.indexOf(target);
  if (index < 0) return;
  const next = fields.slice(index + 1).find((el) => el.value === '');
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
