import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { canonicalJson } from '../canonical-json';
import {
  ExchangeAction,
  ExchangeAnswer,
  ExchangeAssessment,
  ExchangeAssessmentArea,
  ExchangeAssessor,
  ExchangeLigaturePoint,
  ExchangePhoto,
  ExchangeRecheck,
} from '../exchange/schema';
import { WARD_TYPES } from '../domain/estate';

// The kinds of record an assessment is merged by, parents before children. Each record travels
// whole, every column of its table, in the same shape as in a board's return (the exchange file's
// record schemas are reused, so a column added there travels here too). Only the columns that say
// who changed a record and when are left out when two versions are compared: two devices that both
// answered "yes" agree, whoever pressed the key and whenever they did.

const Timestamp = lazySchema(() => z.iso.datetime({ offset: true }));

/** The assessment itself (its row in the store): round, date, status, sign-off. */
export const HeadRow = lazySchema(() => ExchangeAssessment.unwrap().pick({
  id: true,
  wardId: true,
  round: true,
  assessedOn: true,
  announced: true,
  status: true,
  signedOffAt: true,
  signedOffBy: true,
  previousAssessmentId: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  /** Frozen at sign-off; null while a draft. */
  wardType: z.enum(WARD_TYPES).nullable(),
  bedCount: z.number().int().min(1).max(200).nullable(),
}));

/** "You take the bedrooms": who is to assess an area. Shown on every device; locks no one out. */
export const AssignmentRow = lazySchema(() => z.strictObject({
  areaId: z.uuid(),
  assessorId: z.uuid(),
  assignedAt: Timestamp,
  assignedBy: z.string().min(1).max(200),
}));

export const PhotoRow = lazySchema(() => ExchangePhoto.unwrap().omit({ base64: true }));

export const RECORD_ROWS = {
  assessment: HeadRow,
  assessor: ExchangeAssessor,
  assessment_area: ExchangeAssessmentArea,
  area_assignment: AssignmentRow,
  answer: ExchangeAnswer,
  ligature_point: ExchangeLigaturePoint,
  action: ExchangeAction,
  photo: PhotoRow,
  recheck: ExchangeRecheck,
} as const;

export type RecordKind = keyof typeof RECORD_ROWS;
/** Parents before children: the order records are written in (and removed in reverse). */
export const RECORD_KINDS = Object.keys(RECORD_ROWS) as RecordKind[];

interface KindFacts {
  /** In words, for messages and the Resolve screen. */
  label: string;
  /** The field that identifies the record within its assessment. */
  idField: string;
  /** Who last changed it, and when (fields of the row), where the record says. */
  who: string | null;
  when: string | null;
  /** Fields left out when versions are compared: they describe a change, they are not its content. */
  attribution: readonly string[];
}

export const KIND_FACTS: Record<RecordKind, KindFacts> = {
  assessment: { label: 'assessment details', idField: 'id', who: null, when: 'updatedAt', attribution: ['createdAt', 'updatedAt'] },
  assessor: { label: 'assessor', idField: 'id', who: null, when: null, attribution: [] },
  assessment_area: { label: 'area', idField: 'areaId', who: null, when: null, attribution: [] },
  area_assignment: { label: 'area assignment', idField: 'areaId', who: null, when: 'assignedAt', attribution: ['assignedAt', 'assignedBy'] },
  answer: { label: 'answer', idField: 'id', who: 'assessorId', when: 'answeredAt', attribution: ['assessorId', 'answeredAt'] },
  ligature_point: { label: 'ligature point', idField: 'id', who: 'assessorId', when: 'updatedAt', attribution: ['assessorId', 'createdAt', 'updatedAt'] },
  action: { label: 'action', idField: 'id', who: null, when: 'updatedAt', attribution: ['createdAt', 'updatedAt'] },
  photo: { label: 'photo', idField: 'id', who: 'assessorId', when: 'createdAt', attribution: ['assessorId', 'createdAt'] },
  recheck: { label: 're-check', idField: 'id', who: 'assessorId', when: 'decidedAt', attribution: ['assessorId', 'decidedAt'] },
};

export type RecordRow = Record<string, unknown>;

/** The id of a record of this kind. */
export function recordIdOf(kind: RecordKind, row: RecordRow): string {
  return String(row[KIND_FACTS[kind].idField]);
}

/** What a version says, for comparison: the row without who-and-when, or "deleted". */
export function contentOf(kind: RecordKind, version: { deleted: boolean; row: RecordRow }): string {
  if (version.deleted) return 'deleted';
  const attribution = new Set(KIND_FACTS[kind].attribution);
  return canonicalJson(Object.fromEntries(Object.entries(version.row).filter(([field]) => !attribution.has(field))));
}

/** The fields (outside who-and-when) whose values differ between these rows. */
export function differingFields(kind: RecordKind, rows: readonly RecordRow[]): string[] {
  const attribution = new Set(KIND_FACTS[kind].attribution);
  const fields = new Set(rows.flatMap((row) => Object.keys(row)));
  return [...fields].filter((field) => !attribution.has(field) && new Set(rows.map((row) => canonicalJson(row[field] ?? null))).size > 1).sort();
}
