import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { MAX_PHOTO_BYTES, type PhotoMarkup } from '../../../shared/domain/walkthrough-schemas';
import { PhotoFormatError, stripPhotoMetadata } from '../../../shared/photos/strip-metadata';
import type { DbOrTx, ServiceContext } from '../../context';
import { answers, ligaturePoints, photos } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { assertAssessorOf, assertDraft } from '../assessments/read';
import { writeTransaction } from '../../db/transactions';

// Photos of answers and ligature points, stored in the database with metadata stripped. The
// audit log records each photo's SHA-256 and size, never its bytes.

const META = {
  id: photos.id,
  assessmentId: photos.assessmentId,
  answerId: photos.answerId,
  ligaturePointId: photos.ligaturePointId,
  mimeType: photos.mimeType,
  byteSize: photos.byteSize,
  sha256: photos.sha256,
  width: photos.width,
  height: photos.height,
  caption: photos.caption,
  markup: photos.markup,
  assessorId: photos.assessorId,
  createdAt: photos.createdAt,
};

type Meta = Omit<typeof photos.$inferSelect, 'bytes'>;

function toPhoto(row: Meta) {
  return { ...row, mimeType: row.mimeType as 'image/jpeg' | 'image/png', markup: row.markup === null ? null : (JSON.parse(row.markup) as PhotoMarkup) };
}

function photoMeta(tx: DbOrTx, id: string) {
  const row = tx.select(META).from(photos).where(eq(photos.id, id)).get();
  if (!row) throw notFound('photo', id);
  return toPhoto(row);
}

function refuse(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: [field], message }]);
}

export function addPhoto(ctx: ServiceContext, input: ParsedInput<'photos.add'>) {
  const original = Buffer.from(input.dataBase64, 'base64');
  if (original.length > MAX_PHOTO_BYTES) throw refuse('dataBase64', `${input.fileName} is larger than 15 MB: export a smaller copy and add that`);
  let stripped;
  try {
    stripped = stripPhotoMetadata(original);
  } catch (error) {
    if (error instanceof PhotoFormatError) throw refuse('dataBase64', `${input.fileName}: ${error.message}`);
    throw error;
  }
  const bytes = Buffer.from(stripped.bytes.buffer, stripped.bytes.byteOffset, stripped.bytes.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    assertAssessorOf(assessment, input.assessorId);
    if (input.answerId) {
      const answer = tx.select({ assessmentId: answers.assessmentId }).from(answers).where(eq(answers.id, input.answerId)).get();
      if (!answer || answer.assessmentId !== input.assessmentId) throw refuse('answerId', 'Answer the item before adding a photo to it');
    }
    if (input.ligaturePointId) {
      const point = tx.select({ assessmentId: ligaturePoints.assessmentId }).from(ligaturePoints).where(eq(ligaturePoints.id, input.ligaturePointId)).get();
      if (!point || point.assessmentId !== input.assessmentId) throw notFound('ligature point in this assessment', input.ligaturePointId);
    }
    const row = {
      id: ctx.newId(),
      assessmentId: input.assessmentId,
      answerId: input.answerId,
      ligaturePointId: input.ligaturePointId,
      sha256,
      mimeType: stripped.mimeType,
      byteSize: bytes.length,
      width: stripped.width,
      height: stripped.height,
      caption: input.caption,
      markup: null,
      bytes,
      assessorId: input.assessorId,
      createdAt: ctx.now().toISOString(),
    };
    tx.insert(photos).values(row).run();
    const { bytes: _stored, ...meta } = row;
    recordAudit(tx, ctx, 'create', 'photo', row.id, null, {
      ...meta,
      fileName: input.fileName,
      claimedType: input.mimeType,
      originalByteSize: original.length,
      metadataRemoved: stripped.removed,
      orientationKept: stripped.orientation,
    });
    return { ...toPhoto(meta), metadataRemoved: stripped.removed };
  });
}

export function listPhotos(tx: DbOrTx, input: ParsedInput<'photos.list'>) {
  const conditions = [eq(photos.assessmentId, input.assessmentId)];
  if (input.answerId) conditions.push(eq(photos.answerId, input.answerId));
  if (input.ligaturePointId) conditions.push(eq(photos.ligaturePointId, input.ligaturePointId));
  return tx
    .select(META)
    .from(photos)
    .where(and(...conditions))
    .orderBy(asc(photos.createdAt), asc(photos.id))
    .all()
    .map(toPhoto);
}

export function getPhoto(tx: DbOrTx, id: string) {
  const row = tx.select().from(photos).where(eq(photos.id, id)).get();
  if (!row) throw notFound('photo', id);
  const { bytes, ...meta } = row;
  return { ...toPhoto(meta), dataBase64: bytes.toString('base64') };
}

/** Changes a photo's caption and mark-up; the image itself is never altered. */
export function updatePhoto(ctx: ServiceContext, input: ParsedInput<'photos.update'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = photoMeta(tx, input.id);
    assertAssessorOf(assertDraft(tx, before.assessmentId), input.assessorId);
    tx.update(photos)
      .set({ caption: input.caption, markup: input.markup === null ? null : JSON.stringify(input.markup) })
      .where(eq(photos.id, input.id))
      .run();
    const after = photoMeta(tx, input.id);
    recordAudit(tx, ctx, 'update', 'photo', input.id, before, { ...after, changedBy: input.assessorId });
    return after;
  });
}

export function removePhoto(ctx: ServiceContext, input: ParsedInput<'photos.remove'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = photoMeta(tx, input.id);
    assertDraft(tx, before.assessmentId);
    tx.delete(photos).where(eq(photos.id, input.id)).run();
    recordAudit(tx, ctx, 'delete', 'photo', input.id, before, null);
    return { id: input.id };
  });
}
