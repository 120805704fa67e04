import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import {
  EXCHANGE_LIMITS,
  ExchangeArea,
  ExchangeBoard,
  ExchangeDocument,
  ExchangeSite,
  ExchangeTemplate,
  ExchangeWard,
} from '../exchange/schema';
import { RECORD_ROWS, type RecordKind } from './kinds';

// The hand-out file, version 1: what travels between a board's and its assessors' devices, by USB
// stick, e-mail or a shared drive. Two kinds share one envelope:
//   - "register": a board's estate register (or one site's, or one ward's), from the board lead to
//     assessors' devices, so that assessments everywhere start on the same ids;
//   - "assessment": one assessment in progress with every version of every record, so another device
//     can carry on with it (a hand-out) or merge it into its own copy (a bring-back). The two are the
//     same file: a device exports what it holds and the receiving device takes what is new to it.
// Like a board's return it is strict, bounded, digested and refused whole when anything is wrong.
// Published as JSON Schema in resources/schemas/handout-v1.schema.json (npm run schema:exchange).

export const HANDOUT_FORMAT = 'mhea-handout';
export const HANDOUT_FORMAT_VERSION = 1;
export const KNOWN_HANDOUT_VERSIONS: readonly number[] = [1];

export const HANDOUT_LIMITS = {
  /** Devices that ever worked on one assessment: far above a team of three with spare laptops. */
  devices: 64,
  records: 60_000,
  /** Versions of one record no other supersedes: one per device that changed it independently. */
  versionsPerRecord: 16,
  photos: EXCHANGE_LIMITS.photosPerAssessment,
  areas: EXCHANGE_LIMITS.areasPerAssessment,
} as const;

const Uuid = lazySchema(() => z.uuid());
const Timestamp = lazySchema(() => z.iso.datetime({ offset: true }));
const Sha256 = lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/, 'Must be a lower-case hex SHA-256'));

export const HandoutDevice = lazySchema(() => z.strictObject({ id: Uuid, name: z.string().min(1).max(120) }));

/** Changes seen per device (see src/shared/merge/versions.ts). */
export const ClockSchema = lazySchema(() =>
  z
    .record(Uuid, z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))
    .refine((clock) => Object.keys(clock).length >= 1 && Object.keys(clock).length <= HANDOUT_LIMITS.devices, `Must count changes for 1 to ${HANDOUT_LIMITS.devices} devices`),
);

function versionOf<Row extends z.ZodType>(row: Row) {
  return z.strictObject({
    clock: ClockSchema,
    deleted: z.boolean(),
    device: Uuid,
    actor: z.string().min(1).max(200),
    at: Timestamp,
    row,
  });
}

function recordOf<K extends RecordKind>(kind: K) {
  return z.strictObject({
    kind: z.literal(kind),
    id: z.string().min(1).max(110),
    versions: z.array(versionOf(RECORD_ROWS[kind])).min(1).max(HANDOUT_LIMITS.versionsPerRecord),
  });
}

export const HandoutRecord = lazySchema(() => z.discriminatedUnion('kind', [
  recordOf('assessment'),
  recordOf('assessor'),
  recordOf('assessment_area'),
  recordOf('area_assignment'),
  recordOf('answer'),
  recordOf('ligature_point'),
  recordOf('action'),
  recordOf('photo'),
  recordOf('recheck'),
]));
export type HandoutRecord = z.infer<typeof HandoutRecord>;

const envelope = lazySchema(() => z.object({
  format: z.literal(HANDOUT_FORMAT),
  formatVersion: z.literal(HANDOUT_FORMAT_VERSION),
  /** When and by whom the file was written, on which device (this file's only clock time). */
  exportedAt: Timestamp,
  exportedBy: z.string().min(1).max(200),
  device: HandoutDevice,
  generator: z.strictObject({ app: z.string().max(100), version: z.string().max(40) }),
  /** Lower-case hex SHA-256 of the canonical JSON of this document without `digest`. */
  digest: Sha256,
}));

export const HandoutRegister = lazySchema(() => z.strictObject({
  ...envelope.unwrap().shape,
  kind: z.literal('register'),
  /** What was handed out: the whole board, one site or one ward. */
  scope: z.strictObject({ boardId: Uuid, siteId: Uuid.nullable(), wardId: Uuid.nullable() }),
  board: ExchangeBoard,
  sites: z.array(ExchangeSite).max(EXCHANGE_LIMITS.sites),
  wards: z.array(ExchangeWard).max(EXCHANGE_LIMITS.wards),
  areas: z.array(ExchangeArea).max(EXCHANGE_LIMITS.areas),
}));

export const HandoutAssessment = lazySchema(() => z.strictObject({
  ...envelope.unwrap().shape,
  kind: z.literal('assessment'),
  /** The ward and where it sits, as the exporting device's register has them. */
  board: ExchangeBoard,
  site: ExchangeSite,
  ward: ExchangeWard,
  areas: z.array(ExchangeArea).max(HANDOUT_LIMITS.areas),
  /** The four checklist versions the assessment pinned, whole, with their content hashes. */
  templates: z.array(ExchangeTemplate).min(1).max(8),
  assessment: z.strictObject({
    id: Uuid,
    wardId: Uuid,
    templates: z.strictObject({ quality: z.string().max(80), safety: z.string().max(80), ligature: z.string().max(80), therapeutic: z.string().max(80) }),
  }),
  /** Names of the devices that appear in the clocks. */
  devices: z.array(HandoutDevice).min(1).max(HANDOUT_LIMITS.devices),
  records: z.array(HandoutRecord).max(HANDOUT_LIMITS.records),
  includes: z.strictObject({ photos: z.boolean() }),
  /** Photo bytes by content hash, when exported with photos. */
  photos: z.array(z.strictObject({ sha256: Sha256, base64: z.string().max(Math.ceil(EXCHANGE_LIMITS.photoBytes / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Must be base64') })).max(HANDOUT_LIMITS.photos),
  /**
   * The ward's previous round (signed off), as a board's return of that one assessment, so a
   * device that never had it can still re-check last round's points and actions. Checked as any
   * return is, digest and scores included.
   */
  previousRound: ExchangeDocument.nullable(),
}));

export const HandoutFile = lazySchema(() => z.discriminatedUnion('kind', [HandoutRegister, HandoutAssessment]));
export type HandoutFile = z.infer<typeof HandoutFile>;
export type HandoutRegister = z.infer<typeof HandoutRegister>;
export type HandoutAssessment = z.infer<typeof HandoutAssessment>;

/** The JSON Schema published beside the app, generated from the zod schema above. */
export function handoutJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(HandoutFile, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'ref' }),
    $id: 'https://mhea.invalid/schemas/handout-v1.schema.json',
    title: 'Mental Health Estates Assessment hand-out file (register or assessment), version 1',
  };
}
