/**
 * Reads one typed value out of a cell, or says what is wrong with it. IDs stored as numbers are trusted
 * only up to 15 digits (an old-style ID); anything longer lost digits in the spreadsheet and is flagged.
 */
import { checkIdNumber, type IdProblem } from '../../../shared/domain/id-number';
import { amountFromNumber, parseAmountText, parseDateText, parseMonthText, toHalfWidth } from '../../../shared/domain/import/values';
import type { RowProblemCode } from '../../../shared/domain/import/problems';
import { ID_PROBLEM_LABELS } from '../../../shared/labels';
import { ExcelDate, type CellValue } from '../read/grid';
import { serialToIso } from '../read/xlsx-reader';
import { cellText } from '../layout/cell-text';

export type Read<T> = { ok: true; value: T } | { ok: false; code: RowProblemCode; message: string };

const ID_CODE: Record<IdProblem, RowProblemCode> = {
  id_length: 'id_length',
  id_characters: 'id_length',
  id_checksum: 'id_checksum',
  id_birthdate_invalid: 'id_birthdate_invalid',
  id_scientific_notation: 'id_scientific_notation',
};

export function readIdNumber(v: CellValue): Read<string> {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v >= 1e15) {
      return { ok: false, code: 'id_scientific_notation', message: `身份证号码被存成了数字（显示为 ${v.toPrecision(6).replace('e+', 'E+')}），后几位已丢失，请把该列设为文本格式后重新录入` };
    }
  }
  const text = cellText(v);
  const checked = checkIdNumber(text);
  if (checked.ok) return { ok: true, value: checked.info.idNumber };
  if (checked.problem === 'id_checksum' && lostLastDigits(checked.normalized)) {
    return { ok: false, code: 'id_scientific_notation', message: `身份证号码末三位是 000 且校验不通过（${text}）：多半是表格曾把号码存成数字，后三位已丢失，请把该列设为文本格式后按户口本重新录入` };
  }
  const extra = checked.problem === 'id_length' ? `（现为 ${checked.normalized.length} 位）` : '';
  return { ok: false, code: ID_CODE[checked.problem], message: `${ID_PROBLEM_LABELS[checked.problem]}${extra}：${text}` };
}

/**
 * An 18-digit ID ending in 000: what Excel leaves of one it held as a number (15 significant digits), also
 * once saved to text or CSV. A real ID can end so (about one in 1,100), so alone it proves nothing.
 */
export function lostLastDigits(idNumber: string): boolean {
  // The ending first: asked of every person a 建账 writes, the regular expression is for the few so ending.
  return idNumber.length === 18 && idNumber.endsWith('000') && /^\d{15}/.test(idNumber);
}

/** Birth dates: real date cells, 8-digit numbers, serial numbers that lost their date format, or text. */
export function readDate(v: CellValue): Read<string> {
  if (v instanceof ExcelDate) return { ok: true, value: v.iso };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 18800101 && v <= 22001231) {
      const iso = parseDateText(String(v));
      if (iso) return { ok: true, value: iso };
    }
    if (v >= 10000 && v < 110000) {
      const iso = serialToIso(v, false);
      if (iso) return { ok: true, value: iso };
    }
  }
  const text = cellText(v);
  const iso = parseDateText(text);
  return iso ? { ok: true, value: iso } : { ok: false, code: 'date_unparseable', message: `日期“${text}”无法识别，应写成 1948-03-02、1948.3.2 或 1948年3月2日` };
}

export function readMonth(v: CellValue): Read<string> {
  if (v instanceof ExcelDate) return { ok: true, value: v.iso.slice(0, 7) };
  if (typeof v === 'number' && v >= 10000 && v < 110000 && !Number.isInteger(v / 100)) {
    const iso = serialToIso(v, false);
    if (iso) return { ok: true, value: iso.slice(0, 7) };
  }
  const text = cellText(v);
  const month = parseMonthText(text);
  return month ? { ok: true, value: month } : { ok: false, code: 'date_unparseable', message: `月份“${text}”无法识别，应写成 2026-01 或 2026年1月` };
}

export function readAmount(v: CellValue): Read<number> {
  const fen = typeof v === 'number' ? amountFromNumber(v) : parseAmountText(cellText(v));
  if (fen !== null) return { ok: true, value: fen };
  return { ok: false, code: 'amount_not_number', message: `金额“${cellText(v)}”不是有效的数字，应写成 1200 或 1,200.00` };
}

export function readCount(v: CellValue): number | null {
  const n = typeof v === 'number' ? v : Number(toHalfWidth(cellText(v)).replace(/[人口户\s]/g, ''));
  return Number.isInteger(n) && n >= 0 && n < 1000 ? n : null;
}

/** Bank account numbers: digits only; a number cell of 16+ digits lost its last digits. */
export function readAccount(v: CellValue): Read<string> {
  if (typeof v === 'number' && (!Number.isInteger(v) || v >= 1e15)) {
    return { ok: false, code: 'account_invalid', message: '银行账号被存成了数字，后几位已丢失，请把该列设为文本格式后重新录入' };
  }
  const s = toHalfWidth(cellText(v)).replace(/[\s-]/g, '');
  return /^\d{6,30}$/.test(s) ? { ok: true, value: s } : { ok: false, code: 'account_invalid', message: `银行账号“${cellText(v)}”应为 6–30 位数字` };
}
