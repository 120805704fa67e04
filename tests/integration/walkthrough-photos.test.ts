import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../helpers/core';
import { GPS_MARKER_TEXT, buildJpeg, buildPng, contains, exifChunk, exifSegment, textChunk } from '../helpers/images';
import { SMALL_WARD, wardWithAssessment } from '../helpers/walkthrough';

let core: TestCore;
afterEach(() => core.close());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function setUp() {
  core = createTestCore();
  const made = wardWithAssessment(core, SMALL_WARD);
  const { assessment, assessorId } = made;
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
  const answer = core.call('answers.record', { assessmentId: assessment.id, itemId: 'L01', areaId: bedroom, value: 'risk_present', assessorId });
  const point = core.call('ligaturePoints.create', {
    assessmentId: assessment.id, areaId: bedroom, itemId: 'L01', element: 'Door hinge', heightBand: 'knee_to_head', tier: 3, description: 'Standard hinge',
    controls: [{ kind: 'physical_modification', description: 'Continuous hinge on order' }], likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 4, severityAfter: 4, assessorId,
  });
  return { ...made, answer, point };
}

describe('photos', () => {
  it('stores a JPEG with its GPS EXIF stripped, its SHA-256 and size, and gives the clean bytes back', () => {
    const { assessment, assessorId, answer } = setUp();
    const original = buildJpeg(16, 8, [exifSegment()]);
    const added = core.call('photos.add', { assessmentId: assessment.id, answerId: answer.id, fileName: 'IMG_0001.JPG', mimeType: 'image/jpeg', dataBase64: b64(original), caption: 'Hinge side of door', assessorId });
    expect(added).toMatchObject({ mimeType: 'image/jpeg', width: 16, height: 8, caption: 'Hinge side of door', answerId: answer.id, ligaturePointId: null, metadataRemoved: ['EXIF/XMP (APP1)'] });
    const fetched = core.call('photos.get', { id: added.id });
    const stored = Buffer.from(fetched.dataBase64, 'base64');
    expect(contains(stored, GPS_MARKER_TEXT)).toBe(false);
    expect(stored.equals(Buffer.from(buildJpeg(16, 8)))).toBe(true);
    expect(fetched.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(fetched.byteSize).toBe(stored.length);
    // Nothing of the photo's bytes reaches the audit log: only its hash and size.
    const audit = core.call('audit.list', { entityId: added.id, limit: 5 });
    expect(audit[0]!.after).toMatchObject({ sha256: fetched.sha256, byteSize: stored.length, originalByteSize: original.length, fileName: 'IMG_0001.JPG' });
    const raw = core.store.sqlite.prepare("SELECT coalesce(before, '') || coalesce(after, '') AS text FROM audit_log").all() as { text: string }[];
    expect(raw.some((r) => r.text.includes(fetched.dataBase64.slice(0, 40)) || r.text.includes(GPS_MARKER_TEXT))).toBe(false);
  });

  it('judges the type by the bytes: a PNG named .jpg is stored as a PNG, and anything else is refused', () => {
    const { assessment, assessorId, point } = setUp();
    const png = buildPng(3, 2, { beforeData: [exifChunk(), textChunk('Location', GPS_MARKER_TEXT)] });
    const added = core.call('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'hinge.jpg', mimeType: 'image/jpeg', dataBase64: b64(png), assessorId });
    expect(added).toMatchObject({ mimeType: 'image/png', width: 3, height: 2, metadataRemoved: ['eXIf', 'tEXt'] });
    expect(contains(Buffer.from(core.call('photos.get', { id: added.id }).dataBase64, 'base64'), GPS_MARKER_TEXT)).toBe(false);

    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const refused = core.raw('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'door.gif', mimeType: 'image/jpeg', dataBase64: b64(gif), assessorId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/door\.gif: Only JPEG and PNG/), fields: [{ path: ['dataBase64'] }] } });
    const broken = core.raw('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'cut.jpg', mimeType: 'image/jpeg', dataBase64: b64(buildJpeg(8, 8).subarray(0, 50)), assessorId });
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/damaged or incomplete/) } });
    expect(core.call('photos.list', { assessmentId: assessment.id })).toHaveLength(1);
  });

  it('refuses a photo over 15 MB before decoding it', () => {
    const { assessment, assessorId, point } = setUp();
    const tooBig = 'A'.repeat(Math.ceil((15 * 1024 * 1024) / 3) * 4 + 4);
    const result = core.raw('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'huge.jpg', mimeType: 'image/jpeg', dataBase64: tooBig, assessorId });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['dataBase64'], message: 'A photo must be 15 MB or smaller' }] } });
  });

  it('belongs to exactly one answer or ligature point of the same assessment', () => {
    const { assessment, assessorId, point, answer } = setUp();
    const data = b64(buildJpeg(8, 8));
    const both = core.raw('photos.add', { assessmentId: assessment.id, answerId: answer.id, ligaturePointId: point.id, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: data, assessorId });
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['answerId'] }] } });
    const neither = core.raw('photos.add', { assessmentId: assessment.id, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: data, assessorId });
    expect(neither).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unanswered = core.raw('photos.add', { assessmentId: assessment.id, answerId: `${assessment.id}:Q01:ward`, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: data, assessorId });
    expect(unanswered).toMatchObject({ ok: false, error: { message: 'Answer the item before adding a photo to it' } });
    const stranger = core.raw('photos.add', { assessmentId: assessment.id, answerId: answer.id, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: data, assessorId: crypto.randomUUID() });
    expect(stranger).toMatchObject({ ok: false, error: { fields: [{ path: ['assessorId'] }] } });
  });

  it('lists details without bytes per answer or point, and removes a photo with an audit entry', () => {
    const { assessment, assessorId, point, answer } = setUp();
    const data = b64(buildJpeg(8, 8));
    const onAnswer = core.call('photos.add', { assessmentId: assessment.id, answerId: answer.id, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: data, assessorId });
    const onPoint = core.call('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'b.jpg', mimeType: 'image/jpeg', dataBase64: data, assessorId });
    expect(core.call('photos.list', { assessmentId: assessment.id, answerId: answer.id }).map((p) => p.id)).toEqual([onAnswer.id]);
    expect(core.call('photos.list', { assessmentId: assessment.id, ligaturePointId: point.id }).map((p) => p.id)).toEqual([onPoint.id]);
    const all = core.call('photos.list', { assessmentId: assessment.id });
    expect(all).toHaveLength(2);
    expect(all.every((p) => !('dataBase64' in p) && !('bytes' in p))).toBe(true);

    expect(core.call('photos.remove', { id: onAnswer.id })).toEqual({ id: onAnswer.id });
    expect(core.call('photos.list', { assessmentId: assessment.id }).map((p) => p.id)).toEqual([onPoint.id]);
    const removal = core.call('audit.list', { entityId: onAnswer.id, limit: 1 })[0]!;
    expect(removal).toMatchObject({ action: 'delete', entity: 'photo', before: { sha256: onAnswer.sha256, byteSize: onAnswer.byteSize }, after: null });
    expect(core.raw('photos.get', { id: onAnswer.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('photos on a tablet: orientation, caption and mark-up', () => {
  it('keeps a portrait photo’s orientation (shown the right way up) and nothing else of its EXIF', () => {
    const { assessment, assessorId, point } = setUp();
    const portrait = buildJpeg(16, 8, [exifSegment({ orientation: 6 })]);
    const added = core.call('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'IMG_0002.JPG', mimeType: 'image/jpeg', dataBase64: b64(portrait), assessorId });
    expect(added).toMatchObject({ width: 8, height: 16 });
    const stored = Buffer.from(core.call('photos.get', { id: added.id }).dataBase64, 'base64');
    expect(contains(stored, GPS_MARKER_TEXT)).toBe(false);
    expect(contains(stored, [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06])).toBe(true);
  });

  it('changes a caption and a mark-up layer without touching the stored image, audited', () => {
    const { assessment, assessorId, point } = setUp();
    const added = core.call('photos.add', { assessmentId: assessment.id, ligaturePointId: point.id, fileName: 'hinge.jpg', mimeType: 'image/jpeg', dataBase64: b64(buildJpeg(16, 8)), assessorId });
    const before = core.call('photos.get', { id: added.id });
    const markup = [
      { kind: 'arrow' as const, x1: 0.1, y1: 0.9, x2: 0.6, y2: 0.4 },
      { kind: 'circle' as const, x: 0.6, y: 0.4, r: 0.15 },
      { kind: 'label' as const, x: 0.05, y: 0.1, text: 'Hinge' },
    ];
    const updated = core.call('photos.update', { id: added.id, caption: 'Top hinge, patient side', markup, assessorId });
    expect(updated).toMatchObject({ caption: 'Top hinge, patient side', markup });
    const after = core.call('photos.get', { id: added.id });
    expect(after.dataBase64).toBe(before.dataBase64);
    expect(after.sha256).toBe(before.sha256);
    expect(core.call('photos.list', { assessmentId: assessment.id, ligaturePointId: point.id })[0]!.markup).toEqual(markup);
    const audit = core.call('audit.list', { entityId: added.id, limit: 1 })[0]!;
    expect(audit).toMatchObject({ action: 'update', before: { caption: null, markup: null }, after: { caption: 'Top hinge, patient side', markup } });
    // Clearing both.
    expect(core.call('photos.update', { id: added.id, caption: '', markup: [], assessorId })).toMatchObject({ caption: null, markup: null });
    // A mark outside the photo, or a label too long, is refused at that field.
    expect(core.raw('photos.update', { id: added.id, caption: null, markup: [{ kind: 'circle', x: 1.2, y: 0.5, r: 0.1 }], assessorId })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['markup', 0, 'x'] }] } });
    expect(core.raw('photos.update', { id: added.id, caption: null, markup: [{ kind: 'label', x: 0.5, y: 0.5, text: 'x'.repeat(41) }], assessorId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
