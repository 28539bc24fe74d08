/**
 * Wire shapes that every person file shares, the child ledger's (儿童关爱台账) and the elder file's
 * (特殊困难老年人档案) alike: who the file is about, its due state, a visit and the visit form, a person who
 * may be registered, a page of files and the two due lists. Each ledger adds its own fields and visit kinds.
 */
import { z } from 'zod';
import { id, isoDate, optionalText, placeFields } from './primitives';

export const DUE_STATES = ['overdue', 'soon', 'ok', 'closed'] as const;

/** The person a file is about. Names and ID numbers are masked for roles without need. */
export const filePersonFields = {
  personId: id,
  householdId: id,
  name: z.string(),
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
};

/** Where a file's visits stand today. */
export const fileDueFields = {
  lastVisitedOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  dueState: z.enum(DUE_STATES),
  /** Days past the due date (overdue) or until it (soon); 0 otherwise. */
  days: z.number().int(),
  closedOn: z.string().nullable(),
};

/** A recorded visit, with the ledger's own visit kinds. */
export const fileVisitSchema = <K extends z.ZodType>(kind: K) =>
  z.object({
    id,
    visitedOn: z.string(),
    kind,
    visitor: z.string(),
    findings: z.string(),
    needs: z.string().nullable(),
    followUp: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  });

/** The visit form's fields after the file's id, with the ledger's own visit kinds. */
export const visitInputFields = <K extends z.ZodType>(kind: K) => ({
  visitedOn: isoDate,
  kind,
  visitor: z.string().trim().min(1, '请填写探访人').max(30),
  findings: z.string().trim().min(2, '请写明探访发现（至少 2 个字）').max(1000),
  needs: optionalText(500),
  followUp: optionalText(500),
});

/** A person who may be registered in a file, found by name or ID number. */
export const personCandidateSchema = z.object({
  personId: id,
  name: z.string(),
  idNumber: z.string(),
  age: z.number().int(),
  ...placeFields,
});

/** A page of files, with the total for paging and the day the due states were judged on. */
export const fileListSchema = <R extends z.ZodType>(row: R) => z.object({ rows: z.array(row), total: z.number().int(), today: z.string() });

/** The overdue and due-soon lists, each the most urgent rows with the whole count. */
export const dueListsSchema = <R extends z.ZodType>(row: R) =>
  z.object({
    today: z.string(),
    overdue: z.array(row),
    overdueTotal: z.number().int(),
    dueSoon: z.array(row),
    dueSoonTotal: z.number().int(),
  });
