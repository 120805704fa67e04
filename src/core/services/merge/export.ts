import { eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { MAX_EXCHANGE_CHARS, fileSlug, serialiseReturn } from '../../../shared/exchange/serialise';
import { HANDOUT_FORMAT, HANDOUT_FORMAT_VERSION, HandoutFile } from '../../../shared/merge/handout-schema';
import { RECORD_KINDS } from '../../../shared/merge/kinds';
import { DOMAINS } from '../../../shared/templates';
import type { DbOrTx, ServiceContext } from '../../context';
import { writeTransaction } from '../../db/transactions';
import { handoutLog, photos } from '../../db/schema';
import { AppError } from '../../errors';
import { APP_NAME } from '../../paths';
import { getAssessment } from '../assessments/read';
import { exchangeDigest } from '../exchange/digest';
import { registerRecords, returnOfAssessment, templateEntry } from '../exchange/export';
import { captureChanges, deviceNames, loadSlots, saveSlots, selfDevice, type Device } from './state';

// Writing hand-out files: the board's register for assessors' devices, and an assessment with
// every version of every record, for another device to carry on with or merge. The file is checked
// against its own schema and size limit before it is handed over, so a device never passes on a
// file the other end must refuse. Each file written is logged, with its digest.

export interface WrittenFile {
  fileName: string;
  content: string;
  digest: string;
}

export function exportRegisterHandout(ctx: ServiceContext, appVersion: string, input: ParsedInput<'handouts.exportRegister'>): WrittenFile {
  return writeTransaction(ctx.db, (tx) => {
    const register = registerRecords(tx, input);
    const self = selfDevice(tx, ctx);
    const scope = { boardId: register.board.id, siteId: input.siteId ?? (input.wardId ? register.sites[0]!.id : null), wardId: input.wardId ?? null };
    const body = { ...envelope(ctx, appVersion, self), kind: 'register' as const, scope, ...register };
    const what = input.wardId ? register.wards[0]!.name : input.siteId ? register.sites[0]!.name : register.board.name;
    const written = finish(body, `${fileSlug(what) || 'register'}-register.json`);
    log(tx, ctx, written, { kind: 'register', assessmentId: null, boardId: register.board.id, self, summary: { sites: register.sites.length, wards: register.wards.length, areas: register.areas.length } });
    return written;
  });
}

export function exportAssessmentHandout(ctx: ServiceContext, appVersion: string, input: ParsedInput<'handouts.exportAssessment'>): WrittenFile & { records: number; photos: number } {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = getAssessment(tx, input.assessmentId);
    const self = selfDevice(tx, ctx);
    // This device's latest work becomes versions first, so the file carries it.
    const slots = loadSlots(tx, assessment.id);
    captureChanges(tx, ctx, assessment.id, slots, self);
    saveSlots(tx, assessment.id, slots.values());

    const order = new Map(RECORD_KINDS.map((kind, index) => [kind, index]));
    const records = [...slots.values()]
      .filter((slot) => slot.versions.length > 0)
      .sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((slot) => ({ kind: slot.kind, id: slot.id, versions: slot.versions.map(({ key: _key, content: _content, ...version }) => version) }));
    const named = deviceNames(tx);
    const deviceIds = new Set(records.flatMap((r) => r.versions.flatMap((v) => [v.device, ...Object.keys(v.clock)])));
    const { board, sites, wards, areas } = registerRecords(tx, { wardId: assessment.wardId });
    const shas = input.includePhotos ? [...new Set(records.filter((r) => r.kind === 'photo').flatMap((r) => r.versions.filter((v) => !v.deleted).map((v) => String(v.row['sha256']))))] : [];
    const previous = assessment.previousAssessmentId ? getAssessment(tx, assessment.previousAssessmentId) : null;
    const body = {
      ...envelope(ctx, appVersion, self),
      kind: 'assessment' as const,
      board,
      site: sites[0]!,
      ward: wards[0]!,
      areas,
      templates: [...new Set(Object.values(assessment.templates))].sort().map((key) => templateEntry(tx, key)),
      assessment: { id: assessment.id, wardId: assessment.wardId, templates: Object.fromEntries(DOMAINS.map((d) => [d, assessment.templates[d]])) },
      devices: [...deviceIds].sort().map((id) => ({ id, name: named.get(id) ?? id })),
      records,
      includes: { photos: input.includePhotos },
      photos: photoBytes(tx, shas),
      previousRound: previous?.status === 'signed_off' ? returnOfAssessment(tx, appVersion, previous.id) : null,
    };
    const written = finish(body, `${fileSlug(wards[0]!.name) || 'ward'}-${assessment.assessedOn}-from-${fileSlug(self.name) || 'device'}.json`);
    log(tx, ctx, written, { kind: 'assessment', assessmentId: assessment.id, boardId: board.id, self, summary: { records: records.length, photos: shas.length } });
    return { ...written, records: records.length, photos: shas.length };
  });
}

function envelope(ctx: ServiceContext, appVersion: string, self: Device) {
  return {
    format: HANDOUT_FORMAT,
    formatVersion: HANDOUT_FORMAT_VERSION,
    exportedAt: ctx.now().toISOString(),
    exportedBy: ctx.actor.slice(0, 200),
    device: self,
    generator: { app: APP_NAME, version: appVersion },
  };
}

function photoBytes(tx: DbOrTx, shas: readonly string[]) {
  if (shas.length === 0) return [];
  const found = new Map(tx.select({ sha256: photos.sha256, bytes: photos.bytes }).from(photos).where(inArray(photos.sha256, [...shas])).all().map((p) => [p.sha256, p.bytes]));
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sha256, bytes]) => ({ sha256, base64: Buffer.from(bytes).toString('base64') }));
}

/** Digests, checks against the schema and the size an import accepts, and writes out the text. */
function finish(body: Record<string, unknown>, fileName: string): WrittenFile {
  const document = { ...body, digest: exchangeDigest(body) };
  const check = HandoutFile.safeParse(document);
  if (!check.success) {
    const issue = check.error.issues[0]!;
    throw new AppError('CONFLICT', `The hand-out file cannot be written: ${issue.path.map(String).join('.')}: ${issue.message}. Correct that record and try again.`);
  }
  const content = serialiseReturn(document);
  if (content.length > MAX_EXCHANGE_CHARS) {
    throw new AppError('CONFLICT', `This hand-out file would be ${(content.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_EXCHANGE_CHARS / 1024 / 1024} MB a file may be. Export it without photos.`);
  }
  return { fileName, content, digest: document.digest };
}

function log(
  tx: DbOrTx,
  ctx: ServiceContext,
  written: WrittenFile,
  about: { kind: 'register' | 'assessment'; assessmentId: string | null; boardId: string; self: Device; summary: unknown },
): void {
  const at = ctx.now().toISOString();
  tx.insert(handoutLog)
    .values({
      id: ctx.newId(),
      direction: 'exported',
      kind: about.kind,
      assessmentId: about.assessmentId,
      boardId: about.boardId,
      fileName: written.fileName,
      digest: written.digest,
      deviceId: about.self.id,
      deviceName: about.self.name,
      fileExportedAt: at,
      exportedBy: ctx.actor,
      at,
      actor: ctx.actor,
      summary: JSON.stringify(about.summary),
    })
    .run();
}

/** Files written and read on this device for an assessment (or a board's register), newest first. */
export function handoutHistory(tx: DbOrTx, where: { assessmentId: string } | { boardId: string }) {
  const rows = tx
    .select()
    .from(handoutLog)
    .where('assessmentId' in where ? eq(handoutLog.assessmentId, where.assessmentId) : eq(handoutLog.boardId, where.boardId))
    .all();
  return rows
    .sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : 0))
    .map((row) => ({
      direction: row.direction,
      kind: row.kind,
      fileName: row.fileName,
      device: row.deviceName,
      exportedAt: row.fileExportedAt,
      exportedBy: row.exportedBy,
      at: row.at,
      actor: row.actor,
      summary: JSON.parse(row.summary) as Record<string, unknown>,
    }));
}
