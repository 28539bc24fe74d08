import { describe, expect, it } from 'vitest';
import type { FileDelivery } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { UserContext } from '../rpc/context';
import { pdfFileName, printHandlers } from './print.handlers';

const contextWith = (printer?: (fileName: string) => Promise<FileDelivery>) => ({ session: { printer } }) as unknown as UserContext;

describe('print.toPdf', () => {
  it('offers a plain file name ending in .pdf', () => {
    expect(pdfFileName('审批表-DB2026-0001')).toBe('审批表-DB2026-0001.pdf');
    expect(pdfFileName('公示名单.PDF')).toBe('公示名单.PDF');
    expect(pdfFileName('../../a/b:c')).toBe('_.._a_b_c.pdf');
    expect(pdfFileName('...')).toBe('打印.pdf');
  });

  it('prints through the desktop window and tells the browser to print itself', async () => {
    const asked: string[] = [];
    const saved = contextWith(async (fileName) => {
      asked.push(fileName);
      return { kind: 'saved', path: `/tmp/${fileName}`, fileName, rows: 0 };
    });
    await expect(printHandlers['print.toPdf']({ fileName: '终止告知书-1' }, saved)).resolves.toMatchObject({ kind: 'saved', fileName: '终止告知书-1.pdf' });
    expect(asked).toEqual(['终止告知书-1.pdf']);

    const browser = printHandlers['print.toPdf']({ fileName: 'x' }, contextWith());
    await expect(browser).rejects.toBeInstanceOf(AppError);
    await expect(browser).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
