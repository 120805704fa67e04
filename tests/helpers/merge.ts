import type { Input, Output } from '../../src/shared/contract';
import { startAssessment } from './assessments';
import { makeWard, type TestCore } from './core';
import { assessWard } from './exchange';

// Two or three devices working on one assessment, each a real core on its own SQLite file.

export type HandoutFile = Output<'handouts.exportAssessment'>;

/** What a device hands out (or brings back): its assessment file. */
export function handOut(core: TestCore, assessmentId: string, includePhotos = true): HandoutFile {
  return core.call('handouts.exportAssessment', { assessmentId, includePhotos });
}

/** Takes a file on a device; the report of what it did. */
export function take(core: TestCore, file: { fileName: string; content: string }, into?: string): Output<'handouts.import'> {
  return core.call('handouts.import', { fileName: file.fileName, content: file.content, ...(into ? { into } : {}) });
}

/** The assessment report of taking an assessment file. */
export function takeAssessment(core: TestCore, file: { fileName: string; content: string }, into?: string) {
  const report = take(core, file, into);
  if (report.kind !== 'assessment') throw new Error(`Expected an assessment file, got a ${report.kind} file`);
  return report;
}

export function answer(core: TestCore, assessmentId: string, itemId: string, areaId: string | null, value: Input<'answers.record'>['value'], extra: Partial<Input<'answers.record'>> = {}) {
  const assessorId = extra.assessorId ?? core.call('assessments.get', { id: assessmentId }).assessors[0]!.id;
  return core.call('answers.record', { assessmentId, itemId, areaId, value, assessorId, ...extra });
}

/** A 1×1 PNG, for photos whose picture does not matter. */
export const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A ward with a bedroom and a lounge, signed off last round (a ligature point with its action), and this round's draft. */
export function wardInItsSecondRound(core: TestCore) {
  const { ward } = makeWard(core);
  core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  core.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
  assessWard(core, ward.id, 0, '2025/26', '2025-11-20', '2025-11-21T16:00:00.000Z');
  return { ward, round: startAssessment(core, ward.id, { round: '2026/27', assessedOn: '2026-11-20' }) };
}
