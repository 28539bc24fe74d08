import type { KeyboardEvent } from 'react';

const CELL_INPUTS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled])';

/**
 * Grid onKeyDownCapture: Enter moves to the next cell, row after row; on the last cell of the last row
 * it calls `pastLast` (which adds a row). A select box whose list is open keeps Enter for choosing.
 */
export function gridEnter(event: KeyboardEvent<HTMLElement>, pastLast: () => void): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  const combobox = target.getAttribute('role') === 'combobox';
  if (combobox && target.getAttribute('aria-expanded') === 'true') return;
  const cells = Array.from(event.currentTarget.querySelectorAll<HTMLInputElement>(CELL_INPUTS)).filter(
    (el) => (!el.readOnly || el.getAttribute('role') === 'combobox') && el.getClientRects().length > 0,
  );
  const index = cells.indexOf(target);
  if (index < 0) return;
  event.preventDefault();
  event.stopPropagation();
  const next = cells[index + 1];
  if (next) next.focus();
  else pastLast();
}
