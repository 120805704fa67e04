import { and, eq, max, ne, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { HandoutAssessment, HandoutRegister } from '../../../shared/merge/handout-schema';
import { contentOf, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import { compareClocks, settle, type Version } from '../../../shared/merge/versions';
import { londonDateOf } from '../../../shared/dates';
import { DOMAINS } from '../../../shared/templates';
import { carriedRoute, defaultRoute } from '../../../shared/walk/route';
import type { DbOrTx, ServiceContext } from '../../context';
import { writeTransaction } from '../../db/transactions';
import { areas, assessmentTemplates, assessments, handoutLog, wards } from '../../db/schema';
import { recordAudit } from '../audit';
import { getAssessment } from '../assessments/read';
import { importVerifiedReturn, installFileTemplates, upsertRegister, type Refuse } from '../exchange/import';
import { ExchangeRefusal } from '../exchange/verify';
import { cacheScoresOf } from '../scores/scored-wards';
import { routeOf, writeRoute } from '../walkthrough/route';
import { mergeIncoming, type IncomingRecord, type MergeCounts } from './apply';
import { unresolvedCount } from './conflicts';
import { describeRecords } from './describe';
import { keyOf, toStoredRow } from './records';
import { captureChanges, isConflict, loadSlots, readAllLive, rememberDevices, saveSlots, selfDevice, type Slots } from './state';
import { verifyHandout } from './verify';

// Reading a hand-out file, all in one transaction after every check: a register updates the
// estate register; an assessment file either starts the assessment on this device (a hand-out) or
// is merged into this device's copy (a bring-back). Nothing is written if anything is refused.

export type HandoutImportReport =
  | {
      kind: 'register';
      fileName: string;
      status: 'imported' | 'unchanged';
      board: { id: string; name: string };
      added: number;
      updated: number;
      /** Older than a register already imported from this board: only missing records were added. */
      older: boolean;
    }
  | ({
      kind: 'assessment';
      fileName: string;
      status: 'started' | 'merged' | 'unchanged';
      board: { id: string; name: string };
      assessment: { id: string; wardId: string; wardName: string; assessedOn: string; status: 'draft' | 'signed_off' };
      fromDevice: string;
      /** Conflicts and probable duplicate areas now waiting for a person (all of them, not only new). */
      conflicts: number;
      duplicates: number;
    } & Omit<MergeCounts, 'recordsChanged'>);

export function importHandout(ctx: ServiceContext, input: ParsedInput<'handouts.import'>): HandoutImportReport {
  const verified = verifyHandout(input.fileName, input.content);
  const refuse: Refuse = (problem) => {
    throw new ExchangeRefusal(input.fileName, problem, []);
  };
  return writeTransaction(ctx.db, (tx) => {
    const { file } = verified;
    if (file.kind === 'register') return importRegister(tx, ctx, file, input.fileName, refuse);
    const report = importAssessment(tx, ctx, file, verified, input, refuse);
    logImport(tx, ctx, file, input.fileName, report.assessment.id, report);
    return report;
  });
}

function importRegister(tx: DbOrTx, ctx: ServiceContext, file: HandoutRegister, fileName: string, refuse: Refuse): HandoutImportReport {
  const latest = tx
    .select({ at: max(handoutLog.fileExportedAt) })
    .from(handoutLog)
    .where(and(eq(handoutLog.boardId, file.board.id), eq(handoutLog.kind, 'register'), eq(handoutLog.direction, 'imported')))
    .get()?.at;
  // Files can arrive out of order: an older register adds what is missing and rolls nothing back.
  const older = latest != null && file.exportedAt < latest;
  const counts = { estateRecordsAdded: 0, estateRecordsUpdated: 0 };
  upsertRegister(tx, ctx, file, counts, refuse, !older);
  const report: HandoutImportReport = {
    kind: 'register',
    fileName,
    status: counts.estateRecordsAdded + counts.estateRecordsUpdated === 0 ? 'unchanged' : 'imported',
    board: { id: file.board.id, name: file.board.name },
    added: counts.estateRecordsAdded,
    updated: counts.estateRecordsUpdated,
    older,
  };
  logImport(tx, ctx, file, fileName, null, report);
  return report;
}

function importAssessment(
  tx: DbOrTx,
  ctx: ServiceContext,
  file: HandoutAssessment,
  verified: ReturnType<typeof verifyHandout>,
  input: ParsedInput<'handouts.import'>,
  refuse: Refuse,
): Extract<HandoutImportReport, { kind: 'assessment' }> {
  const id = file.assessment.id;
  const here = tx.select().from(assessments).where(eq(assessments.id, id)).get();
  if (input.into && input.into !== id) {
    const target = getAssessment(tx, input.into);
    const targetWard = tx.select({ name: wards.name }).from(wards).where(eq(wards.id, target.wardId)).get();
    refuse(`holds the assessment of ${file.ward.name} (${file.board.name}, assessment ${id}), not the one you are merging into (${targetWard?.name ?? target.wardId}, started for ${target.assessedOn})`);
  }
  if (here) {
    if (here.wardId !== file.ward.id) refuse(`holds assessment ${id} of ${file.ward.name}, but here that assessment is of another ward`);
    const pins = new Map(tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.assessmentId, id)).all().map((p) => [p.domain, p.templateKey]));
    const differ = DOMAINS.filter((d) => pins.get(d) !== file.assessment.templates[d]);
    if (differ.length > 0) {
      refuse(`pins checklist versions ${differ.map((d) => file.assessment.templates[d]).join(', ')}, but this device’s copy of the assessment uses ${differ.map((d) => pins.get(d) ?? 'none').join(', ')}`);
    }
  }

  installFileTemplates(tx, ctx, file.templates, `hand-out file ${input.fileName}`, refuse);
  // The ward and where it sits: added when missing, never changed (register hand-outs do that).
  upsertRegister(tx, ctx, { board: file.board, sites: [file.site], wards: [file.ward], areas: [] }, { estateRecordsAdded: 0, estateRecordsUpdated: 0 }, refuse, false);
  for (const area of file.areas) addAreaIfMissing(tx, ctx, area, refuse);
  if (verified.previous && !tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, verified.previous.document.assessments[0]!.id)).get()) {
    // A copy of the ward's last round carried inside the team's own file, not a board's return to a
    // collator: it is checked in full (digest, scores), but not held to the signed-returns rule.
    importVerifiedReturn(tx, ctx, verified.previous, `${input.fileName} (previous round)`, null);
  }

  const self = selfDevice(tx, ctx);
  rememberDevices(tx, ctx, file.devices);
  const deviceNames = new Map(file.devices.map((d) => [d.id, d.name]));
  const incoming: IncomingRecord[] = file.records.map((r) => ({ kind: r.kind, id: r.id, versions: r.versions as Version<RecordRow>[] }));
  const head = settle(incoming.find((r) => r.kind === 'assessment')!.versions, (v) => contentOf('assessment', v)).shown;
  const headShown = head.row;
  const slots = loadSlots(tx, id);
  let status: 'started' | 'merged' | 'unchanged';
  let live;
  if (!here) {
    startHere(tx, ctx, file, headShown, refuse);
    status = 'started';
    live = readAllLive(tx, id);
  } else if (here.status === 'signed_off') {
    // A signed-off assessment is never changed by a merge: a file with nothing new is welcome, any other refused.
    const unseen = unseenHere(slots, readAllLive(tx, id), incoming);
    if (unseen.length > 0) {
      refuse(`holds changes to the assessment of ${file.ward.name} that are not in it, and it was signed off here${here.signedOffAt ? ` on ${londonDateOf(here.signedOffAt)}` : ''}: a signed-off assessment is never changed. The changes: ${describeList(tx, id, unseen)}`);
    }
    return report(tx, file, input.fileName, 'unchanged', { taken: 0, agreed: 0, newConflicts: 0, keptOverRemoval: 0, photosMissing: 0, recordsChanged: 0 });
  } else {
    live = captureChanges(tx, ctx, id, slots, self).live;
    status = 'merged';
    if (headShown['status'] === 'signed_off') {
      // Signed off on the other device: taken only if this device has nothing the signer did not see.
      const notInFile = localOnly(slots, incoming);
      if (notInFile.length > 0) {
        refuse(`holds the assessment of ${file.ward.name} as signed off on ${deviceNames.get(head.device) ?? 'another device'} (${typeof headShown['signedOffAt'] === 'string' ? `${londonDateOf(headShown['signedOffAt'])}, ` : ''}by ${String(headShown['signedOffBy'])}), without changes made on this device after it was handed out: ${describeList(tx, id, notInFile)}. Nothing was merged; this device keeps its draft.`);
      }
    }
  }

  const areasBefore = new Set(live.get('assessment_area')!.keys());
  const counts = mergeIncoming(tx, ctx, id, slots, live, incoming, verified.photos, { fileName: input.fileName, deviceNames });
  if (status === 'merged' && counts.recordsChanged === 0) status = 'unchanged';
  saveSlots(tx, id, slots.values());
  const signedOff = tx.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, id)).get()!.status === 'signed_off';
  if (signedOff) {
    if ([...slots.values()].some(isConflict)) refuse('would leave a signed-off assessment with conflicts');
    // As a sign-off caches its scores, read back from this store.
    if (status !== 'unchanged') cacheScoresOf(tx, ctx, [id]);
  } else placeNewAreas(tx, id, areasBefore);
  return report(tx, file, input.fileName, status, counts);
}

/**
 * The route is each device's own (it never travels): areas new here join it. A device starting
 * the assessment from a hand-out gets the route a start gives (last round's, else the first
 * route); an area added on another device goes at the end of this device's route.
 */
function placeNewAreas(tx: DbOrTx, assessmentId: string, before: ReadonlySet<string>): void {
  const view = getAssessment(tx, assessmentId);
  const added = view.areas.filter((a) => !before.has(a.areaId));
  if (added.length === 0) return;
  const kept = view.areas.filter((a) => before.has(a.areaId));
  if (kept.length > 0) {
    writeRoute(tx, assessmentId, [...routeOf({ areas: kept, wardPosition: view.wardPosition }), ...defaultRoute(added)]);
    return;
  }
  const previous = view.previousAssessmentId && tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, view.previousAssessmentId)).get();
  writeRoute(tx, assessmentId, carriedRoute(previous ? routeOf(getAssessment(tx, previous.id)) : null, view.areas));
}


/** Starts the assessment here from a hand-out: its own row and pinned versions (its records follow by merge). */
function startHere(tx: DbOrTx, ctx: ServiceContext, file: HandoutAssessment, head: RecordRow, refuse: Refuse): void {
  const draft = tx
    .select({ id: assessments.id, assessedOn: assessments.assessedOn })
    .from(assessments)
    .where(and(eq(assessments.wardId, file.ward.id), eq(assessments.status, 'draft'), ne(assessments.id, file.assessment.id)))
    .get();
  if (draft && head['status'] === 'draft') {
    refuse(`holds an assessment of ${file.ward.name} started for ${String(head['assessedOn'])}, but this device already has another draft of that ward (started for ${draft.assessedOn}, assessment ${draft.id}): sign that off, or carry on with it instead`);
  }
  tx.insert(assessments).values(toStoredRow('assessment', file.assessment.id, head) as typeof assessments.$inferInsert).run();
  for (const domain of DOMAINS) tx.insert(assessmentTemplates).values({ assessmentId: file.assessment.id, domain, templateKey: file.assessment.templates[domain] }).run();
  recordAudit(tx, ctx, 'create', 'assessment', file.assessment.id, null, { ...head, handedOutFrom: file.device.name, handedOutBy: file.exportedBy, templates: file.assessment.templates });
}

/**
 * A register area the file's records need: added when missing, renamed if its name is taken here
 * (upsertRegister would refuse the clash; two devices adding "Bedroom 9" is no fault). Never moved
 * from another ward.
 */
function addAreaIfMissing(tx: DbOrTx, ctx: ServiceContext, area: HandoutAssessment['areas'][number], refuse: Refuse): void {
  const here = tx.select({ wardId: areas.wardId, name: areas.name }).from(areas).where(eq(areas.id, area.id)).get();
  if (here && here.wardId !== area.wardId) {
    refuse(`the file's area "${area.name}" has the id ${area.id} of an area already here in another ward ("${here.name}"): a file never moves a record to another ward, and nothing from it was written.`, 'ALREADY_EXISTS');
  }
  if (here) return;
  let name = area.name;
  // Two devices may each add "Bedroom 13": the register keeps names unique, so this one is told apart.
  for (let n = 2; tx.select({ id: areas.id }).from(areas).where(and(eq(areas.wardId, area.wardId), sql`lower(${areas.name}) = lower(${name})`)).get(); n += 1) {
    name = `${area.name} (${n})`.slice(0, 120);
  }
  const now = ctx.now().toISOString();
  const row = { ...area, name, createdAt: now, updatedAt: now };
  tx.insert(areas).values(row).run();
  recordAudit(tx, ctx, 'create', 'area', area.id, null, row);
}

/** Versions this device holds that the file has not seen (neither in it nor superseded by one in it). */
function localOnly(slots: Slots, incoming: readonly IncomingRecord[]): { kind: RecordKind; id: string }[] {
  const byKey = new Map(incoming.map((r) => [keyOf(r.kind, r.id), r]));
  const found: { kind: RecordKind; id: string }[] = [];
  for (const slot of slots.values()) {
    const theirs = byKey.get(keyOf(slot.kind, slot.id))?.versions ?? [];
    if (slot.versions.some((mine) => !theirs.some((v) => ['after', 'equal'].includes(compareClocks(v.clock, mine.clock))))) found.push({ kind: slot.kind, id: slot.id });
  }
  return found;
}

/** Records of the file saying something a signed-off assessment here neither has nor has superseded. */
function unseenHere(slots: Slots, live: ReturnType<typeof readAllLive>, incoming: readonly IncomingRecord[]): { kind: RecordKind; id: string }[] {
  const found: { kind: RecordKind; id: string }[] = [];
  for (const record of incoming) {
    const mine = slots.get(keyOf(record.kind, record.id))?.versions ?? [];
    const row = live.get(record.kind)!.get(record.id);
    const liveContent = row ? contentOf(record.kind, { deleted: false, row }) : 'deleted';
    const unseen = record.versions.some(
      (v) => !mine.some((m) => ['after', 'equal'].includes(compareClocks(m.clock, v.clock))) && contentOf(record.kind, v) !== liveContent,
    );
    if (unseen) found.push({ kind: record.kind, id: record.id });
  }
  return found;
}

function describeList(tx: DbOrTx, assessmentId: string, records: readonly { kind: RecordKind; id: string }[]): string {
  const described = describeRecords(tx, assessmentId, records);
  const shown = described.slice(0, 5).map((d) => `${d.label}${d.where ? ` (${d.where})` : ''}`);
  return `${shown.join('; ')}${described.length > 5 ? ` and ${described.length - 5} more` : ''}`;
}

function report(tx: DbOrTx, file: HandoutAssessment, fileName: string, status: 'started' | 'merged' | 'unchanged', { recordsChanged: _changed, ...counts }: MergeCounts) {
  const assessment = getAssessment(tx, file.assessment.id);
  const ward = tx.select({ name: wards.name }).from(wards).where(eq(wards.id, assessment.wardId)).get();
  return {
    kind: 'assessment' as const,
    fileName,
    status,
    board: { id: file.board.id, name: file.board.name },
    assessment: { id: assessment.id, wardId: assessment.wardId, wardName: ward?.name ?? file.ward.name, assessedOn: assessment.assessedOn, status: assessment.status },
    fromDevice: file.device.name,
    ...unresolvedCount(tx, assessment.id),
    ...counts,
  };
}

function logImport(tx: DbOrTx, ctx: ServiceContext, file: HandoutAssessment | HandoutRegister, fileName: string, assessmentId: string | null, summary: HandoutImportReport): void {
  tx.insert(handoutLog)
    .values({
      id: ctx.newId(),
      direction: 'imported',
      kind: file.kind,
      assessmentId,
      boardId: file.board.id,
      fileName: fileName.slice(0, 255),
      digest: file.digest,
      deviceId: file.device.id,
      deviceName: file.device.name,
      fileExportedAt: file.exportedAt,
      exportedBy: file.exportedBy,
      at: ctx.now().toISOString(),
      actor: ctx.actor,
      summary: JSON.stringify(summary),
    })
    .run();
}

