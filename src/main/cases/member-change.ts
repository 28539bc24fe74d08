/**
 * 增减保障人口: a household program's enrollment covers other members from now on (a birth, a marriage, a
 * death, someone moving away). The case names everyone covered afterwards; here is who that adds and who
 * leaves, and what stands in the way (no one left, someone covered elsewhere). Only a household program's
 * enrollment has this change (changeTypesFor, checked by the caller).
 */
import type { FieldIssue } from '../../shared/api/errors';
import type { Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';
import { programConflicts } from '../enrollments/enrollments.service';

export interface MemberChange {
  /** Everyone covered after the change, once each. */
  covered: string[];
  added: string[];
  removed: string[];
  issues: FieldIssue[];
}

export async function memberChange(db: Executor, program: Program, townshipId: string, current: readonly string[], next: readonly string[], living: ReadonlySet<string>): Promise<MemberChange> {
  const issues: FieldIssue[] = [];
  const fail = (message: string) => issues.push({ path: ['personIds'], message });
  const covered = [...new Set(next)];
  const added = covered.filter((p) => !current.includes(p));
  const removed = current.filter((p) => !covered.includes(p));
  if (covered.length === 0) fail('请至少保留一名保障人员；全户不再保障请发起停保');
  else if (covered.some((p) => !living.has(p))) fail('所选人员不是该户在世成员');
  else if (added.length === 0 && removed.length === 0) fail('保障人员没有变化；只变金额请选择增发或减发');
  else if (added.length > 0) {
    const conflicts = await programConflicts(db, added, program, townshipId);
    if (conflicts.length > 0) fail(conflicts[0]!.message);
  }
  return { covered, added, removed, issues };
}
