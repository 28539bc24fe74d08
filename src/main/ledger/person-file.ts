/**
 * What every person file does alike, the child ledger's (care/) and the elder file's (elderly/): the person
 * read once and refused outside the user's township; a file's due state today; a row's person, place and
 * due fields as the viewer may see them; a visit as the file shows it and as it is recorded; and the checks
 * of recording a visit and of closing a file. Each ledger keeps its own table, fields, visit policy,
 * messages and audit actions.
 */
import { AppError, fieldError } from '../../shared/api/errors';
import type { DUE_STATES } from '../../shared/api/person-file.schemas';
import { addDays, ageOn, daysBetween } from '../../shared/domain/dates';
import { maskName } from '../../shared/domain/care';
import { maskIdNumber } from '../../shared/domain/id-number';
import type { Scope } from '../../shared/domain/roles';
import type { Executor } from '../db/schema';
import type { FileVisitColumns } from '../db/tables/person-file.table';
import { assertTownshipInScope } from '../app/scope';

export type DueState = (typeof DUE_STATES)[number];

/** How many rows each due list returns at most; the totals say how many there are. */
export const DUE_LIST_LIMIT = 300;

/** What a viewer of a file may see (care records whole, or masked), and the day due states are judged on. */
export interface FileViewer {
  seesRecords: boolean;
  today: string;
}

/** The part of a ledger's visit policy that due states read: how many days ahead a visit is due soon. */
interface DueSoonPolicy {
  dueSoonDays: number;
}

/** The person a file or record is about, with their household's township; refused outside the user's scope. */
export async function personInScope(db: Executor, scope: Scope, personId: string) {
  const person = await db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.name', 'p.birth_date', 'p.deceased_on', 'p.household_id', 'h.township_id'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AppError('NOT_FOUND', '找不到该人员');
  assertTownshipInScope(scope, person.township_id);
  return person;
}

/** The last day that still counts as due soon. */
export const soonUntil = (today: string, policy: DueSoonPolicy) => addDays(today, policy.dueSoonDays);

/** Where a file stands today: closed, overdue, due within the policy's days, or not yet due. */
export function dueStateOf(nextDueOn: string | null, closedOn: string | null, today: string, policy: DueSoonPolicy): { dueState: DueState; days: number } {
  if (closedOn || !nextDueOn) return { dueState: 'closed', days: 0 };
  const days = daysBetween(today, nextDueOn);
  if (days < 0) return { dueState: 'overdue', days: -days };
  if (days <= policy.dueSoonDays) return { dueState: 'soon', days };
  return { dueState: 'ok', days: 0 };
}

/** A name on a file (a guardian's, a contact's) as the viewer may see it. */
export const shownName = (name: string | null, viewer: FileViewer) => (name && !viewer.seesRecords ? maskName(name) : name);

/** The columns every file's row query reads: the file's person, household, place and dates. */
interface FileRowColumns {
  person_id: string;
  household_id: string | null;
  name: string;
  id_number: string;
  sex: string;
  birth_date: string;
  township_id: string;
  township_name: string;
  village_name: string | null;
  last_visited_on: string | null;
  next_due_on: string | null;
  closed_on: string | null;
}

/** The fields every file row has: its person (masked for roles without need), place and due state today. */
export function fileRowFields(r: FileRowColumns, viewer: FileViewer, policy: DueSoonPolicy) {
  return {
    personId: r.person_id,
    // Never null here: the file queries join the household.
    householdId: r.household_id ?? '',
    name: viewer.seesRecords ? r.name : maskName(r.name),
    idNumber: viewer.seesRecords ? r.id_number : maskIdNumber(r.id_number),
    sex: r.sex as 'male' | 'female',
    age: ageOn(r.birth_date, viewer.today),
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageName: r.village_name,
    lastVisitedOn: r.last_visited_on,
    nextDueOn: r.closed_on ? null : r.next_due_on,
    ...dueStateOf(r.next_due_on, r.closed_on, viewer.today, policy),
    closedOn: r.closed_on,
  };
}

/** A visit as the file shows it: findings, needs and follow-up withheld from roles without need. */
export function fileVisitOf<K extends string>(v: Omit<FileVisitColumns, 'recorded_by'> & { display_name: string }, viewer: FileViewer) {
  const shown = viewer.seesRecords;
  return {
    id: v.id,
    visitedOn: v.visited_on,
    kind: v.kind as K,
    visitor: v.visitor,
    findings: shown ? v.findings : '（无权查看）',
    needs: shown ? v.needs : null,
    followUp: shown ? v.follow_up : null,
    recordedBy: v.display_name,
    recordedAt: v.recorded_at,
  };
}

/** What a visit form sends besides the file's id, with the ledger's own visit kinds. */
export interface VisitFields<K extends string> {
  visitedOn: string;
  kind: K;
  visitor: string;
  findings: string;
  needs: string | null;
  followUp: string | null;
}

/** A visit's columns as recorded by `recordedBy` at `at`; the ledger's visits table adds its file's key. */
export const visitColumns = (id: string, v: VisitFields<string>, recordedBy: string, at: Date): FileVisitColumns => ({
  id,
  visited_on: v.visitedOn,
  kind: v.kind,
  visitor: v.visitor,
  findings: v.findings,
  needs: v.needs,
  follow_up: v.followUp,
  recorded_by: recordedBy,
  recorded_at: at.toISOString(),
});

/**
 * Checks a visit against its file (open, dated between its opening and today) and returns the file's last
 * visit afterwards: a visit entered late (an older date) does not move the last visit back.
 */
export function lastVisitAfter(file: { opened_on: string; closed_on: string | null; last_visited_on: string | null }, visitedOn: string, today: string): string {
  if (file.closed_on) throw new AppError('CONFLICT', '档案已结案，不能再记录探访');
  if (visitedOn > today) throw fieldError('visitedOn', '探访日期不能晚于今天');
  if (visitedOn < file.opened_on) throw fieldError('visitedOn', `探访日期早于建档日期（${file.opened_on}），请核对`);
  return file.last_visited_on && file.last_visited_on > visitedOn ? file.last_visited_on : visitedOn;
}

/** Checks closing a file on `closedOn`: the file still open, the day between its opening and today. */
export function checkClosing(file: { opened_on: string; closed_on: string | null }, closedOn: string, today: string): void {
  if (file.closed_on) throw new AppError('CONFLICT', '档案已经结案');
  if (closedOn > today) throw fieldError('closedOn', '结案日期不能晚于今天');
  if (closedOn < file.opened_on) throw fieldError('closedOn', '结案日期不能早于建档日期');
}

/** The columns an edit changes, for the audit entry (names only: no personal data). */
export const changedColumns = <R extends object>(row: R, before: Partial<Record<keyof R, unknown>>) => (Object.keys(row) as (keyof R & string)[]).filter((k) => row[k] !== before[k]);
