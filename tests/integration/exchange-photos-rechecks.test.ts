import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { serialiseReturn } from '../../src/shared/exchange';
import { answerAll, signOff, startAssessment } from '../helpers/assessments';
import { createTestCore, type TestCore } from '../helpers/core';
import { assessWard, dumpStore} from '../helpers/exchange';

// Photos travel only when asked for, checked by size and SHA-256; re-checks of the previous
// round's ligature points travel with the round that made them. The photo row is written straight
// into the store (its assessment is signed off by assessWard before a photo could be added).

const PHOTO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function boardWithPhotoAndRecheck(core: TestCore) {
  const board = core.call('boards.create', { name: 'NHS Evidence' });
  const site = core.call('sites.create', { boardId: board.id, name: 'Evidence Site' });
  const ward = core.call('wards.create', { siteId: site.id, name: 'Ward E', type: 'low_secure', bedCount: 10, sexDesignation: 'male' });
  core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const first = assessWard(core, ward.id);
  const point = core.call('ligaturePoints.list', { assessmentId: first })[0]!;
  const photoId = randomUUID();
  core.store.sqlite
    .prepare('INSERT INTO photos (id, assessment_id, ligature_point_id, sha256, mime_type, byte_size, width, height, caption, bytes, assessor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?)')
    .run(photoId, first, point.id, createHash('sha256').update(PHOTO).digest('hex'), 'image/png', PHOTO.length, 'Closer arm, =from below', PHOTO, point.assessorId, '2026-11-20T11:00:00.000Z');

  const second = startAssessment(core, ward.id, { round: '2027/28', assessedOn: '2027-11-03' });
  expect(second.previousAssessmentId).toBe(first);
  // The new round puts last round's point (and its open action) in front of the assessor again.
  const assessorId = second.assessors[0]!.id;
  const rechecks = core.call('rechecks.list', { assessmentId: second.id });
  expect(rechecks.map((r) => r.subject)).toEqual(['ligature_point', 'action']);
  for (const recheck of rechecks) {
    core.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', note: 'Replacement on order', assessorId });
  }
  answerAll(core, second.id);
  signOff(core, second.id, '2027-11-04T09:00:00.000Z');
  return { board, first, second: second.id, photoId };
}

describe('photos and re-checks in a return', () => {
  it('carries photos only when asked, checks their bytes, and round-trips them with re-checks', () => {
    const source = createTestCore();
    const { board, second, photoId } = boardWithPhotoAndRecheck(source);

    const plain = source.call('exchange.export', { boardId: board.id });
    expect(plain.includes.photos).toBe(false);
    expect(plain.assessments.every((a) => a.photos === undefined)).toBe(true);
    const withPhotos = source.call('exchange.export', { boardId: board.id, includePhotos: true });
    const photos = withPhotos.assessments.flatMap((a) => a.photos ?? []);
    expect(photos).toEqual([expect.objectContaining({ id: photoId, base64: PHOTO.toString('base64'), byteSize: PHOTO.length, mimeType: 'image/png' })]);
    // Exported in id order, so the point's and the action's re-checks come in either order.
    const carried = withPhotos.assessments.find((a) => a.id === second)!.rechecks;
    expect(carried).toHaveLength(2);
    expect(carried).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'ligature_point', outcome: 'still_present', note: 'Replacement on order' }),
        expect.objectContaining({ subject: 'action', outcome: 'still_present', note: 'Replacement on order' }),
      ]),
    );

    const collator = createTestCore();
    const report = collator.call('exchange.import', { fileName: 'evidence.json', content: serialiseReturn(withPhotos) });
    expect(report).toMatchObject({ status: 'imported', assessmentsAdded: 2, photosAdded: 1 });
    const stored = collator.store.sqlite.prepare('SELECT bytes FROM photos WHERE id = ?').get(photoId) as { bytes: Buffer };
    expect(Buffer.compare(stored.bytes, PHOTO)).toBe(0);
    expect(collator.call('exchange.export', { boardId: board.id, includePhotos: true }).digest).toBe(withPhotos.digest);
    expect(collator.call('exchange.export', { boardId: board.id }).digest).toBe(plain.digest);
    const audited = collator.call('audit.list', { entityId: photoId, limit: 5 });
    expect(audited).toEqual([expect.objectContaining({ action: 'create', entity: 'photo' })]);

    // The same return without photos, after the one with them: nothing to do.
    const before = dumpStore(collator);
    expect(collator.call('exchange.import', { fileName: 'evidence-plain.json', content: serialiseReturn(plain) }).status).toBe('already_imported');
    expect(dumpStore(collator)).toBe(before);
  });

  it('refuses a photo whose bytes are not the ones its SHA-256 names, even with a fresh digest', () => {
    const source = createTestCore();
    const { board } = boardWithPhotoAndRecheck(source);
    const document = structuredClone(source.call('exchange.export', { boardId: board.id, includePhotos: true }));
    const photo = document.assessments.flatMap((a) => a.photos ?? [])[0]!;
    const swapped = Buffer.from(PHOTO);
    swapped[20] = 0xff;
    photo.base64 = swapped.toString('base64');
    document.digest = exchangeDigest(document);
    const collator = createTestCore();
    const before = dumpStore(collator);
    const result = collator.raw('exchange.import', { fileName: 'swapped-photo.json', content: serialiseReturn(document) });
    expect(!result.ok && result.error.message).toBe(`swapped-photo.json: photo ${photo.id}: its bytes do not match its size and SHA-256`);
    expect(dumpStore(collator)).toBe(before);
  });
});
