/**
 * What the server said about the members typed so far ('households.checkMembers'): an ID already
 * registered in another household, twice in this list, no head or two heads. A problem holds for a cell
 * only while the cell still has the value it was found with, so typing clears it at once.
 */
import type { FormInstance, FormRule } from 'antd';

type Path = (string | number)[];

export interface MemberProblem {
  path: Path;
  message: string;
}

interface Found {
  value: string;
  message: string;
}

export class MemberProblems {
  private cells = new Map<string, Found>();

  private static key(row: number, field: string) {
    return `${row}.${field}`;
  }

  /** A rule for the cell of `row` and `field` that fails while the server's problem still applies. */
  rule(row: number, field: string): FormRule {
    return {
      validator: async (_rule, value: unknown) => {
        const found = this.cells.get(MemberProblems.key(row, field));
        if (found && found.value === String(value ?? '')) throw new Error(found.message);
      },
    };
  }

  /**
   * Takes the server's problems for the rows sent (`rows[k]` is the form row of the k-th member sent) and
   * shows them; returns how many there are. The head rule (path ['members']) is shown only when asked.
   */
  async apply(form: FormInstance, problems: MemberProblem[], rows: number[], withHeadRule: boolean): Promise<number> {
    const before = [...this.cells.keys()];
    this.cells.clear();
    const headMessages: string[] = [];
    for (const p of problems) {
      const [list, sent, field] = p.path;
      if (list !== 'members') continue;
      if (p.path.length === 1) {
        headMessages.push(p.message);
        continue;
      }
      const row = typeof sent === 'number' ? rows[sent] : undefined;
      if (row === undefined || typeof field !== 'string') continue;
      const value = String(form.getFieldValue(['members', row, field]) ?? '');
      const key = MemberProblems.key(row, field);
      const known = this.cells.get(key);
      this.cells.set(key, { value, message: known ? `${known.message}；${p.message}` : p.message });
    }
    const touched = new Set([...before, ...this.cells.keys()]);
    const names = [...touched].map((key) => {
      const [row, field] = key.split('.');
      return ['members', Number(row), field!];
    });
    const rowCount = (form.getFieldValue('members') as unknown[] | undefined)?.length ?? 0;
    const existing = names.filter((n) => (n[1] as number) < rowCount);
    if (existing.length > 0) await form.validateFields(existing).catch(() => undefined);
    if (withHeadRule) form.setFields([{ name: ['members'], errors: headMessages }]);
    return this.cells.size + (withHeadRule ? headMessages.length : 0);
  }

  /** Forgets everything (rows were removed, so the row numbers no longer match). */
  clear(): void {
    this.cells.clear();
  }
}
