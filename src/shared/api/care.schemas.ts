/** Wire shapes of the children's care ledger: children, their visits, the village 儿童主任 and the visit policy. */
import { z } from 'zod';
import { id, optionalText, pagingFields, placeFields } from './primitives';
import { DUE_STATES, fileDueFields, filePersonFields, fileVisitSchema, visitInputFields } from './person-file.schemas';
import { CHILD_CATEGORIES, DIFFICULTY_CAUSES, GUARDIANSHIPS, PAIRING_KINDS, VISIT_KINDS } from '../domain/care';

// Kept here too: the renderer's care and elderly pages import it from this file.
export { DUE_STATES };

export const childCategorySchema = z.enum(CHILD_CATEGORIES);
export const guardianshipSchema = z.enum(GUARDIANSHIPS);
export const visitKindSchema = z.enum(VISIT_KINDS);

export const childDirectorSchema = z.object({
  id,
  townshipId: id,
  townshipName: z.string(),
  villageId: id.nullable(),
  villageName: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** Open child files this director is responsible for. */
  childCount: z.number().int(),
});
export type ChildDirector = z.infer<typeof childDirectorSchema>;

export const directorInputSchema = z.object({
  id: id.optional(),
  townshipId: id,
  villageId: id.nullable(),
  name: z.string().trim().min(1, '请填写儿童主任姓名').max(30),
  phone: optionalText(30),
  active: z.boolean().default(true),
});

/** A child in a list. Names and ID numbers are masked for roles without need (see seesChildRecords). */
export const childRowSchema = z.object({
  ...filePersonFields,
  category: childCategorySchema,
  cause: z.enum(DIFFICULTY_CAUSES).nullable(),
  guardianship: guardianshipSchema,
  guardianName: z.string().nullable(),
  ...placeFields,
  directorId: id.nullable(),
  directorName: z.string().nullable(),
  ...fileDueFields,
  /** The day the child leaves this ledger by age (16 for 留守, 18 otherwise). */
  leavesOn: z.string(),
});
export type ChildRow = z.infer<typeof childRowSchema>;

export const visitSchema = fileVisitSchema(visitKindSchema);
export type Visit = z.infer<typeof visitSchema>;

export const childFieldsSchema = z.object({
  category: childCategorySchema,
  cause: z.enum(DIFFICULTY_CAUSES).nullable().default(null),
  guardianship: guardianshipSchema,
  guardianName: optionalText(30),
  guardianRelation: optionalText(20),
  guardianIdNumber: optionalText(30),
  guardianPhone: optionalText(30),
  directorId: id.nullable().default(null),
  school: optionalText(60),
  health: optionalText(200),
  disability: optionalText(200),
  pairingName: optionalText(30),
  pairingKind: z.enum(PAIRING_KINDS).nullable().default(null),
  pairingPhone: optionalText(30),
});
export type ChildFields = z.infer<typeof childFieldsSchema>;

export const childDetailSchema = childRowSchema.extend({
  /** True when the viewer's role sees this file masked: details below are then withheld. */
  masked: z.boolean(),
  fields: childFieldsSchema.extend({ guardianName: z.string().nullable() }),
  openedOn: z.string(),
  closeReason: z.string().nullable(),
  visits: z.array(visitSchema),
  /** An orphan or de facto orphan within the resettlement ages (17½ to 25): 成年后安置 can be started. */
  resettlementOpen: z.boolean(),
});
export type ChildDetail = z.infer<typeof childDetailSchema>;

export const visitInputSchema = z.object({ childId: id, ...visitInputFields(visitKindSchema) });

export const childFilterSchema = z.object({
  townshipId: id.optional(),
  directorId: id.optional(),
  category: childCategorySchema.optional(),
  dueState: z.enum(DUE_STATES).optional(),
  /** Name or ID number (whole or its last digits). */
  q: z.string().trim().max(30).optional(),
  ...pagingFields,
});

export const visitPolicySchema = z.object({
  byCategory: z.object(Object.fromEntries(CHILD_CATEGORIES.map((c) => [c, z.number().int().min(1).max(12)])) as Record<(typeof CHILD_CATEGORIES)[number], z.ZodNumber>),
  guardianshipLacking: z.number().int().min(1).max(12),
  dueSoonDays: z.number().int().min(1).max(31),
});
