/**
 * Reading child files as rows: the file with its person, household, place and 儿童主任, its due state
 * today, and what a viewer may see. Roles without need (seesChildRecords) get names and ID numbers masked
 * (the fields every person file shares: ledger/person-file.ts).
 */
import { dateOfAge } from '../../shared/domain/dates';
import { leavesLedgerAt, type ChildCategory, type VisitPolicy } from '../../shared/domain/care';
import type { ChildRow } from '../../shared/api/care.schemas';
import type { Executor } from '../db/schema';
import { fileRowFields, shownName, type FileViewer } from '../ledger/person-file';

export function childRowsQuery(db: Executor) {
  return db
    .selectFrom('children as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('child_directors as d', 'd.id', 'c.director_id')
    .select([
      'c.person_id',
      'p.household_id',
      'p.name',
      'p.id_number',
      'p.sex',
      'p.birth_date',
      'c.category',
      'c.cause',
      'c.guardianship',
      'c.guardian_name',
      'h.township_id',
      't.name as township_name',
      'v.name as village_name',
      'c.director_id',
      'd.name as director_name',
      'c.last_visited_on',
      'c.next_due_on',
      'c.closed_on',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof childRowsQuery>['execute']>>[number];

export function toChildRow(r: Raw, viewer: FileViewer, policy: VisitPolicy): ChildRow {
  return {
    ...fileRowFields(r, viewer, policy),
    category: r.category as ChildCategory,
    cause: r.cause as ChildRow['cause'],
    guardianship: r.guardianship as ChildRow['guardianship'],
    guardianName: shownName(r.guardian_name, viewer),
    directorId: r.director_id,
    directorName: r.director_name,
    leavesOn: dateOfAge(r.birth_date, leavesLedgerAt(r.category as ChildCategory)),
  };
}
