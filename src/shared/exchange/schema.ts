import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { ACTION_PRIORITIES, ASSESSOR_ROLES } from '../domain/assessment-schemas';
import { PhotoMarkup } from '../domain/walkthrough-schemas';
import { AREA_TYPES, SEX_DESIGNATIONS, SUPERVISION_TIERS, WARD_TYPES } from '../domain/estate';
import { ACTION_STATUSES, ACTION_TYPES, AnswerValue, CONTROL_KINDS, HEIGHT_BANDS, RATINGS } from '../scoring';
import { DOMAINS, Template } from '../templates/schema';
import { ExchangeSignature } from './signature';

// The exchange file, version 1: one board's return to the national collator. Every object is
// strict (an unknown field is refused, not ignored), every string and list has a ceiling, and
// every id is a UUID or the answer id derived from what it answers, so a file from anywhere can be
// checked before a byte of it reaches the store. Published as JSON Schema in
// resources/schemas/exchange-v1.schema.json (npm run schema:exchange).

export const EXCHANGE_FORMAT = 'mhea-exchange';
export const EXCHANGE_FORMAT_VERSION = 1;
/** Versions this app can read. */
export const KNOWN_EXCHANGE_VERSIONS: readonly number[] = [1];

/** Ceilings well above any real ward, board or template; they stop a hostile file, not a large board. */
export const EXCHANGE_LIMITS = {
  sites: 500,
  wards: 5_000,
  areas: 100_000,
  templates: 100,
  assessments: 20_000,
  assessors: 8,
  areasPerAssessment: 500,
  answersPerAssessment: 20_000,
  pointsPerAssessment: 5_000,
  actionsPerAssessment: 10_000,
  rechecksPerAssessment: 10_000,
  photosPerAssessment: 1_000,
  photoBytes: 20 * 1024 * 1024,
} as const;

const Uuid = lazySchema(() => z.uuid());
/** "<assessment id>:<item id>:<area id or 'ward'>" (see answerId in the answers service). */
export const ANSWER_ID_PATTERN = /^[0-9a-fA-F-]{36}:[A-Z][A-Za-z0-9_.-]{0,31}:(?:[0-9a-fA-F-]{36}|ward)$/;
const AnswerIdSchema = lazySchema(() => z.string().max(110).regex(ANSWER_ID_PATTERN, 'Must be an answer id "<assessment>:<item>:<area or ward>"'));
const Sha256 = lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/, 'Must be a lower-case hex SHA-256'));
const Timestamp = lazySchema(() => z.iso.datetime({ offset: true }));
const IsoDate = lazySchema(() => z.iso.date());
const TemplateKey = lazySchema(() => z.string().max(80).regex(/^[a-z][a-z0-9_-]*@\d{4}\.\d+$/, 'Must be a template key such as safety@2026.1'));
const Name = lazySchema(() => z.string().min(1).max(120));
const Code = lazySchema(() => z.string().max(32).nullable());
const text = (max: number) => z.string().max(max);
const Tier = lazySchema(() => z.union(SUPERVISION_TIERS.map((t) => z.literal(t))));
const OneToFive = lazySchema(() => z.number().int().min(1).max(5));

/** Any JSON value, bounded in string length and list size (nesting depth is bounded before parsing). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Checked by one iterative walk rather than a recursive zod union: the engine's results are large
 * trees, and a file is checked in full on every import. (Published in the JSON Schema as "any JSON".)
 */
export function isBoundedJson(value: unknown): value is JsonValue {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      continue;
    }
    if (typeof node === 'string') {
      if (node.length > 5_000) return false;
      continue;
    }
    if (Array.isArray(node)) {
      if (node.length > 100_000) return false;
      for (const child of node) stack.push(child);
      continue;
    }
    if (typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return false;
    for (const [key, child] of Object.entries(node)) {
      if (key.length > 100) return false;
      stack.push(child);
    }
  }
  return true;
}
export const JsonValueSchema = lazySchema(() => z.custom<JsonValue>(isBoundedJson, 'Must be plain JSON with strings of at most 5,000 characters'));

export const ExchangeBoard = lazySchema(() => z.strictObject({ id: Uuid, name: Name, code: Code }));
export const ExchangeSite = lazySchema(() => z.strictObject({ id: Uuid, boardId: Uuid, name: Name, eamsSiteCode: Code }));
export const ExchangeWard = lazySchema(() => z.strictObject({
  id: Uuid,
  siteId: Uuid,
  name: Name,
  type: z.enum(WARD_TYPES),
  bedCount: z.number().int().min(1).max(200),
  sexDesignation: z.enum(SEX_DESIGNATIONS),
  block: text(120).nullable(),
  eamsBlockCode: Code,
}));
export const ExchangeArea = lazySchema(() => z.strictObject({
  id: Uuid,
  wardId: Uuid,
  type: z.enum(AREA_TYPES),
  name: Name,
  supervisionTier: Tier,
  tierOverrideReason: text(500).nullable(),
  eamsRoomCode: Code,
}));

/** A template version as installed, whole, so a collator can score with exactly what the board used. */
export const ExchangeTemplate = lazySchema(() => z.strictObject({
  key: TemplateKey,
  templateId: z.string().max(64),
  domain: z.enum(DOMAINS),
  version: z.string().max(16),
  contentHash: Sha256,
  content: Template,
}));

export const ExchangeAssessor = lazySchema(() => z.strictObject({ id: Uuid, name: Name, role: z.enum(ASSESSOR_ROLES), position: z.number().int().min(0).max(7) }));
export const ExchangeAssessmentArea = lazySchema(() => z.strictObject({
  areaId: Uuid,
  name: Name,
  type: z.enum(AREA_TYPES),
  supervisionTier: Tier,
  /** The sample room it was filled from ("as Bedroom 1"); absent in files from before sample rooms. */
  sampleAreaId: Uuid.nullable().optional(),
}));

export const ExchangeAnswer = lazySchema(() => z.strictObject({
  id: AnswerIdSchema,
  itemId: z.string().min(1).max(32),
  areaId: Uuid.nullable(),
  value: AnswerValue,
  naReason: text(500).nullable(),
  note: text(2000).nullable(),
  assessorId: Uuid,
  answeredAt: Timestamp,
  /** Copied from this sample room and not given again by hand since. */
  copiedFromAreaId: Uuid.nullable().optional(),
}));

export const ExchangeLigaturePoint = lazySchema(() => z.strictObject({
  id: Uuid,
  areaId: Uuid,
  itemId: z.string().max(32).nullable(),
  lineageId: Uuid,
  element: Name,
  heightBand: z.enum(HEIGHT_BANDS),
  tier: Tier,
  /** Why the tier is below its area's (absent in files from before scoring method 2: none). */
  tierReason: text(500).nullable().optional(),
  description: z.string().min(1).max(1000),
  controls: z.array(z.strictObject({ kind: z.enum(CONTROL_KINDS), description: text(500) })).max(10),
  likelihoodBefore: OneToFive,
  severityBefore: OneToFive,
  likelihoodAfter: OneToFive,
  severityAfter: OneToFive,
  assessorId: Uuid,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The lead who confirmed, at sign-off, the "other" control a high or extreme risk rests on, and when (absent: none). */
  otherControlConfirmedBy: text(200).nullable().optional(),
  otherControlConfirmedAt: Timestamp.nullable().optional(),
  /** Copied from this point of a sample room; confirmed in its own room when and by whom (null: not yet). */
  copiedFromPointId: Uuid.nullable().optional(),
  copyConfirmedAt: Timestamp.nullable().optional(),
  copyConfirmedBy: Uuid.nullable().optional(),
}));

export const ExchangeAction = lazySchema(() => z.strictObject({
  id: Uuid,
  answerId: AnswerIdSchema.nullable(),
  ligaturePointId: Uuid.nullable(),
  lineageId: Uuid,
  type: z.enum(ACTION_TYPES),
  description: z.string().min(1).max(1000),
  owner: Name,
  dueDate: IsoDate.nullable(),
  priority: z.enum(ACTION_PRIORITIES),
  status: z.enum(ACTION_STATUSES),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}));

export const ExchangeRecheck = lazySchema(() => z.strictObject({
  id: Uuid,
  subject: z.enum(['ligature_point', 'action']),
  previousId: Uuid,
  lineageId: Uuid,
  outcome: z.enum(['removed', 'still_present', 'changed']).nullable(),
  currentId: Uuid.nullable(),
  note: text(5000).nullable(),
  assessorId: Uuid.nullable(),
  decidedAt: Timestamp.nullable(),
}));

export const ExchangePhoto = lazySchema(() => z.strictObject({
  id: Uuid,
  answerId: AnswerIdSchema.nullable(),
  ligaturePointId: Uuid.nullable(),
  sha256: Sha256,
  mimeType: z.string().max(64).regex(/^image\/[a-z0-9.+-]+$/, 'Must be an image type such as image/jpeg'),
  byteSize: z.number().int().min(1).max(EXCHANGE_LIMITS.photoBytes),
  width: z.number().int().min(1).max(100_000).nullable(),
  height: z.number().int().min(1).max(100_000).nullable(),
  caption: text(2000).nullable(),
  /** Arrows, circles and labels drawn over the photo (the bytes are the untouched original). */
  markup: PhotoMarkup.nullable().optional(),
  assessorId: Uuid,
  createdAt: Timestamp,
  /** The photo's bytes in standard base64. */
  base64: z
    .string()
    .max(Math.ceil(EXCHANGE_LIMITS.photoBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Must be base64'),
}));

const DomainResult = lazySchema(() =>
  z
    .object({ domain: z.enum(DOMAINS), templateId: z.string().max(64), templateVersion: z.string().max(16), rating: z.enum(RATINGS) })
    .catchall(JsonValueSchema),
);

/** The engine's WardScores for the assessment, exactly as computed, and the engine version that computed them. */
export const ExchangeScores = lazySchema(() => z.strictObject({
  engine: z.string().min(1).max(64),
  result: z.strictObject({
    wardId: Uuid,
    asOf: IsoDate,
    quality: DomainResult,
    safety: DomainResult,
    ligature: DomainResult,
    therapeutic: DomainResult,
    issues: z.array(JsonValueSchema).max(100_000),
  }),
}));

export const ExchangeAssessment = lazySchema(() => z.strictObject({
  id: Uuid,
  wardId: Uuid,
  /** The ward's type and bed count the assessment was scored on (frozen at sign-off). */
  wardType: z.enum(WARD_TYPES),
  bedCount: z.number().int().min(1).max(200),
  round: z.string().regex(/^\d{4}\/\d{2}$/, 'Must be a round such as 2026/27'),
  assessedOn: IsoDate,
  announced: z.boolean(),
  status: z.enum(['draft', 'signed_off']),
  signedOffAt: Timestamp.nullable(),
  signedOffBy: text(200).nullable(),
  previousAssessmentId: Uuid.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  templates: z.strictObject({ quality: TemplateKey, safety: TemplateKey, ligature: TemplateKey, therapeutic: TemplateKey }),
  assessors: z.array(ExchangeAssessor).min(1).max(EXCHANGE_LIMITS.assessors),
  areas: z.array(ExchangeAssessmentArea).max(EXCHANGE_LIMITS.areasPerAssessment),
  answers: z.array(ExchangeAnswer).max(EXCHANGE_LIMITS.answersPerAssessment),
  ligaturePoints: z.array(ExchangeLigaturePoint).max(EXCHANGE_LIMITS.pointsPerAssessment),
  actions: z.array(ExchangeAction).max(EXCHANGE_LIMITS.actionsPerAssessment),
  rechecks: z.array(ExchangeRecheck).max(EXCHANGE_LIMITS.rechecksPerAssessment),
  /** Present only when the file was exported with photos. */
  photos: z.array(ExchangePhoto).max(EXCHANGE_LIMITS.photosPerAssessment).optional(),
  scores: ExchangeScores,
}));

export const ExchangeDocument = lazySchema(() => z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  formatVersion: z.literal(EXCHANGE_FORMAT_VERSION),
  /**
   * The latest change recorded in the exported assessments (sign-off or last update), not the
   * clock at export: the same data always gives the same file. null when there are none.
   */
  generatedAt: Timestamp.nullable(),
  generator: z.strictObject({ app: z.string().max(100), version: z.string().max(40) }),
  scoringEngine: z.string().min(1).max(64),
  includes: z.strictObject({ drafts: z.boolean(), photos: z.boolean() }),
  board: ExchangeBoard,
  sites: z.array(ExchangeSite).max(EXCHANGE_LIMITS.sites),
  wards: z.array(ExchangeWard).max(EXCHANGE_LIMITS.wards),
  areas: z.array(ExchangeArea).max(EXCHANGE_LIMITS.areas),
  templates: z.array(ExchangeTemplate).max(EXCHANGE_LIMITS.templates),
  assessments: z.array(ExchangeAssessment).max(EXCHANGE_LIMITS.assessments),
  /** Lower-case hex SHA-256 of the canonical JSON (src/shared/canonical-json.ts) of this document without `digest` and `signature`. */
  digest: Sha256,
  /** The board's Ed25519 signature of the digest (src/shared/exchange/signature.ts); absent when the board has no signing key. */
  signature: ExchangeSignature.optional(),
}));

/**
 * The document with its assessments not yet checked, for verification to check them one at a
 * time (src/core/services/exchange/verify.ts): everything else as ExchangeDocument says.
 */
export const ExchangeDocumentShell = lazySchema(() => ExchangeDocument.unwrap().extend({ assessments: z.array(z.unknown()).max(EXCHANGE_LIMITS.assessments) }));

export type ExchangeDocument = z.infer<typeof ExchangeDocument>;
export type ExchangeAssessment = z.infer<typeof ExchangeAssessment>;
export type ExchangeTemplate = z.infer<typeof ExchangeTemplate>;

/** What the digest covers: the document without its `digest` and `signature` fields (the signature signs the digest). */
export function digestBody<T extends { digest?: unknown; signature?: unknown }>(document: T): Omit<T, 'digest' | 'signature'> {
  const { digest: _digest, signature: _signature, ...rest } = document;
  return rest;
}

/** The JSON Schema published beside the app, generated from the zod schema above. */
export function exchangeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ExchangeDocument, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: 'https://mhea.invalid/schemas/exchange-v1.schema.json',
    title: 'Mental Health Estates Assessment exchange file, version 1',
  };
}
