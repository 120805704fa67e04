import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { Id } from '../domain/estate-schemas';
import { RECORD_KINDS } from '../merge/kinds';
import type { ContractSlice } from './types';

// A team on several devices: hand-out files (the register, an assessment) and merging them back.

const FileInput = lazySchema(() => z.object({
  fileName: z.string().trim().min(1, 'Name the file').max(255),
  // A transport guard only: the service refuses anything over 50 MB with a message naming the file.
  content: z.string().max(64 * 1024 * 1024, 'A hand-out file must be under 50 MB'),
}));

const WrittenFile = lazySchema(() => z.object({ fileName: z.string(), content: z.string(), digest: z.string() }));
const ByAssessment = lazySchema(() => z.object({ assessmentId: Id }));
const Board = lazySchema(() => z.object({ id: z.string(), name: z.string() }));

const MergeCounts = lazySchema(() => z.object({
  taken: z.number().int(),
  agreed: z.number().int(),
  newConflicts: z.number().int(),
  keptOverRemoval: z.number().int(),
  photosMissing: z.number().int(),
}));

export const HandoutImportReport = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('register'), fileName: z.string(), status: z.enum(['imported', 'unchanged']), board: Board, added: z.number().int(), updated: z.number().int(), older: z.boolean() }),
  z.object({
    kind: z.literal('assessment'),
    fileName: z.string(),
    status: z.enum(['started', 'merged', 'unchanged']),
    board: Board,
    assessment: z.object({ id: Id, wardId: Id, wardName: z.string(), assessedOn: z.string(), status: z.enum(['draft', 'signed_off']) }),
    fromDevice: z.string(),
    conflicts: z.number().int(),
    duplicates: z.number().int(),
    ...MergeCounts.unwrap().shape,
  }),
]));

/** A record in words: what it is and where (see services/merge/describe.ts). */
export const DescribedRecordSchema = lazySchema(() => z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  label: z.string(),
  where: z.string().nullable(),
  itemId: z.string().nullable(),
  areaId: z.string().nullable(),
}));

export const ConflictSchema = lazySchema(() => z.object({
  ...DescribedRecordSchema.unwrap().shape,
  reason: z.enum(['different_edits', 'edit_and_removal', 'removed_but_used']),
  fields: z.array(z.string()),
  versions: z.array(
    z.object({
      key: z.string(),
      deleted: z.boolean(),
      row: z.record(z.string(), z.unknown()),
      who: z.string(),
      when: z.string(),
      device: z.string(),
      shownHere: z.boolean(),
    }),
  ),
  usedBy: z.array(DescribedRecordSchema),
}));

export const ProbableDuplicateSchema = lazySchema(() => z.object({
  name: z.string(),
  type: z.string(),
  /** `device`: the device the area comes from (the last to change it), null when it was never handed out. */
  areas: z.array(z.object({ areaId: Id, name: z.string(), answers: z.number().int(), ligaturePoints: z.number().int(), device: z.string().nullable() })),
}));

const Assignment = lazySchema(() => z.object({
  areaId: Id,
  areaName: z.string(),
  areaType: z.string(),
  assessorId: Id.nullable(),
  assessorName: z.string().nullable(),
  assignedBy: z.string().nullable(),
  assignedAt: z.string().nullable(),
}));

const Device = lazySchema(() => z.object({ id: Id, name: z.string() }));
const Unresolved = lazySchema(() => z.object({ conflicts: z.number().int(), duplicates: z.number().int() }));

export const mergeContract = {
  /** The board's register (or one site's or ward's) as a hand-out file for assessors' devices. */
  'handouts.exportRegister': () => ({
    input: z.object({ boardId: Id, siteId: Id.nullish(), wardId: Id.nullish() }),
    output: WrittenFile,
  }),
  /** An assessment with every version of every record, for another device to carry on with or merge. */
  'handouts.exportAssessment': () => ({
    input: z.object({ assessmentId: Id, includePhotos: z.boolean().default(true) }),
    output: WrittenFile.unwrap().extend({ records: z.number().int(), photos: z.number().int() }),
  }),
  /**
   * Checks a hand-out file completely and takes it in one transaction: a register updates the
   * estate register; an assessment starts here or is merged into this device's copy. With `into`,
   * a file for any other assessment is refused.
   */
  'handouts.import': () => ({ input: FileInput.unwrap().extend({ into: Id.nullish() }), output: HandoutImportReport }),
  /** Conflicts and probable duplicate areas waiting for a person, each version with who, when and device. */
  'merge.conflicts': () => ({ input: ByAssessment, output: z.object({ conflicts: z.array(ConflictSchema), duplicates: z.array(ProbableDuplicateSchema) }) }),
  /** Keeps one version of a conflicted record (its key), or "restore" for a removed record still in use. */
  'merge.resolve': () => ({
    input: z.object({ assessmentId: Id, kind: z.enum(RECORD_KINDS), recordId: z.string().min(1).max(110), keep: z.string().min(1).max(64) }),
    output: Unresolved,
  }),
  /** Two same-named areas are different rooms: gives this one its own name. */
  'merge.renameArea': () => ({
    input: z.object({ assessmentId: Id, areaId: Id, name: z.string().trim().min(1, 'Enter the area’s name').max(120, 'The name must be 120 characters or fewer') }),
    output: z.object({ id: Id }).loose(),
  }),
  /** Two same-named areas are the same room: everything recorded in one moves to the other, which stays. */
  'merge.combineAreas': () => ({
    input: z.object({ assessmentId: Id, keepAreaId: Id, removeAreaId: Id }),
    output: z.object({ id: Id }).loose(),
  }),
  /** The team screen: this device, area assignments, files written and read, what waits to be resolved. */
  'merge.status': () => ({
    input: ByAssessment,
    output: z.object({
      assessmentId: Id,
      status: z.enum(['draft', 'signed_off']),
      /** This device (id null until it first writes or takes a file). */
      device: z.object({ id: Id.nullable(), name: z.string() }),
      assignments: z.array(Assignment),
      conflicts: z.number().int(),
      duplicates: z.number().int(),
      history: z.array(
        z.object({
          direction: z.enum(['exported', 'imported']),
          kind: z.enum(['register', 'assessment']),
          fileName: z.string(),
          device: z.string(),
          exportedAt: z.string(),
          exportedBy: z.string(),
          at: z.string(),
          actor: z.string(),
          summary: z.record(z.string(), z.unknown()),
        }),
      ),
    }),
  }),
  /** "You take the bedrooms": assigns areas to one of the assessment's assessors (null: unassigned). */
  'assignments.set': () => ({ input: z.object({ assessmentId: Id, areaIds: z.array(Id).min(1, 'Choose at least one area').max(500), assessorId: Id.nullable() }), output: z.array(Assignment) }),
  /** Names this device as the team will see it in files and on the Resolve screen. */
  'device.rename': () => ({ input: z.object({ name: z.string().trim().min(1, 'Enter a name for this device').max(120, 'The name must be 120 characters or fewer') }), output: Device }),
} satisfies ContractSlice;
