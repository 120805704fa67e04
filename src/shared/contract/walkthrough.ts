import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { Assessment, StoredLigaturePoint } from '../domain/assessment-schemas';
import { Id } from '../domain/estate-schemas';
import {
  AreaAdded,
  AssessmentAddArea,
  AssessmentProgress,
  CopiedPointDecision,
  Fill,
  FillResult,
  FillUndo,
  FillUndone,
  NoFindings,
  SampleFill,
  WalkOrderSet,
  LigaturePointHistoryEntry,
  Photo,
  PhotoAdd,
  PhotoAdded,
  PhotoList,
  PhotoRemove,
  PhotoUpdate,
  PhotoWithBytes,
  Recheck,
  RecheckDecide,
  SignOffCheck,
  SignOffInput,
} from '../domain/walkthrough-schemas';
import type { WardScores } from '../scoring';
import type { ContractSlice } from './types';

const ByAssessment = lazySchema(() => z.object({ assessmentId: Id }));

/**
 * The walkthrough beyond single answers: progress, areas added on the spot, photos, sign-off and
 * the re-checks of a new round.
 *
 * A new round has no operation of its own: `assessments.start` on a ward whose latest assessment
 * is signed off links it as `previousAssessmentId`, copies the ward's current areas (never the
 * answers), and creates one re-check for every ligature point of that assessment and every action
 * of it not complete (see `rechecks.list`). Every write below is refused on a signed-off
 * assessment (CONFLICT, "…was signed off on … and can no longer be changed…").
 */
export const walkthroughContract = {
  /**
   * Answered/applicable counts per domain (with the template's completeness threshold), per area
   * (and per domain within it) and for the ward, plus every unanswered item instance in walk
   * order: each area in the order `assessments.get` lists them, within an area the domains in the
   * order quality, safety, ligature, therapeutic and each template's items in template order; the
   * ward-level items (areaId null) at their place in the assessor's route (`wardPosition`). "Next
   * unanswered" after a given instance is the next entry of `unanswered`. Questions are not
   * repeated here: take them from `templates.get` of the pinned keys. One query for answers,
   * cheap on a 1,500-instance ward.
   */
  'assessments.progress': () => ({ input: ByAssessment, output: AssessmentProgress }),
  /**
   * The assessor's route through the ward (draft only): every area once and "ward" (the
   * ward-level questions) once, in walking order. `assessments.get` then lists the areas in this
   * order with `wardPosition`; the ward's next round starts from this route (areas new since
   * at its end). A first round starts with the ward-level questions, then the entrance.
   */
  'assessments.setRoute': () => ({ input: WalkOrderSet, output: Assessment }),
  /**
   * Sample rooms: fills areas of the same type from a fully answered one ("as Bedroom 1"). Every
   * question asked in a target that the sample answers and the target does not yet is answered as
   * in the sample (never overwriting an answer given); each answer carries `copiedFromAreaId` and
   * `fillId` until it is given again by hand, and is audited on its own. A ligature prompt the
   * sample answers "risk present" brings the sample's points for it, copied as new points of the
   * target linked by `copiedFromPointId`, to confirm in each room (`ligaturePoints.confirmCopy`
   * or `rejectCopy`; changing one confirms it): they score as recorded meanwhile and sign-off waits
   * for them. Notes, photos and actions stay with the sample. The targets' `sampleAreaId` is set.
   */
  'answers.fillFromSample': () => ({ input: SampleFill, output: FillResult }),
  /**
   * Marks an area (areaId null: the ward-level questions) walked with no findings: its unanswered
   * yes/no compliance questions are answered "yes" in one action. Never a ligature prompt, a grade
   * or a measurement. Refused when there is nothing to mark.
   */
  'answers.noFindings': () => ({ input: NoFindings, output: FillResult }),
  /** The assessment's fills, oldest first, with how much of each still stands. */
  'fills.list': () => ({ input: ByAssessment, output: z.array(Fill) }),
  /**
   * Undoes a fill: removes its answers and copied points that are still as it wrote them (an
   * answer given again by hand, a point confirmed or changed, anything carrying a photo or action,
   * stays). A copy's targets lose their `sampleAreaId`.
   */
  'fills.undo': () => ({ input: FillUndo, output: FillUndone }),
  /** A copied ligature point is found in its room as recorded. */
  'ligaturePoints.confirmCopy': () => ({ input: CopiedPointDecision, output: StoredLigaturePoint }),
  /** A copied ligature point is not in its room: the copy is removed (refused once it has a photo or action). */
  'ligaturePoints.rejectCopy': () => ({ input: CopiedPointDecision, output: z.object({ id: Id }) }),
  /**
   * Adds an area the register missed, during the walkthrough (draft only): creates it in the
   * ward's register under the same rules as `areas.create` (name unique on the ward, a reason when
   * the tier differs from the type's default) and adds it to this assessment's areas.
   */
  'assessments.addArea': () => ({ input: AssessmentAddArea, output: AreaAdded }),
  /**
   * Whether the assessment can be signed off, and if not exactly why: per-domain completeness
   * against each template's threshold, every unanswered instance (with its question and area name)
   * of each domain below its threshold, and the undecided re-checks. Read-only; use it to list
   * what is missing before (or after a refused) `assessments.signOff`.
   */
  'assessments.signOffCheck': () => ({ input: ByAssessment, output: SignOffCheck }),
  /**
   * Signs the assessment off: refused (CONFLICT) while `assessments.signOffCheck` is not ready; the
   * error's `fields` then list each missing answer (path ["missing", domain, areaId or "ward",
   * itemId], message = the question) and each undecided re-check (path ["rechecks", id]). On
   * success the status becomes signed_off, signedOffAt/By are set (By = the assessor's name), the
   * scores are cached in the same transaction and returned; the assessment is read-only from then.
   */
  'assessments.signOff': () => ({
    input: SignOffInput,
    output: z.object({
      assessment: Assessment,
      scores: z.custom<WardScores>((v) => typeof v === 'object' && v !== null, 'Expected the scoring engine’s result'),
    }),
  }),

  /**
   * Stores one photo of an answer or a ligature point (exactly one of answerId, ligaturePointId).
   * JPEG or PNG only, judged by the file's own bytes (not mimeType), at most 15 MB. Metadata is
   * stripped before storing: JPEG APP1–APP15 (EXIF, GPS, XMP…) and comments; PNG eXIf, tEXt,
   * zTXt, iTXt and tIME chunks. The output names what was removed. A JPEG's EXIF orientation is
   * kept (alone, in a minimal EXIF block) so it shows the right way up; width and height are as
   * shown. No person may appear in a photo:
   * the UI must remind the assessor. Send the bytes as base64; the HTTP door accepts up to 25 MiB
   * for this operation only.
   */
  'photos.add': () => ({ input: PhotoAdd, output: PhotoAdded }),
  /** Photos' details (no bytes), oldest first: of one answer, one ligature point, or the whole assessment. */
  'photos.list': () => ({ input: PhotoList, output: z.array(Photo) }),
  /** One photo with its stored bytes as base64 (for a thumbnail or the full view). */
  'photos.get': () => ({ input: z.object({ id: Id }), output: PhotoWithBytes }),
  /** A photo's caption and mark-up (arrows, circles, short labels over the untouched image), draft only. */
  'photos.update': () => ({ input: PhotoUpdate, output: Photo }),
  /** Removes a photo from a draft assessment; the audit log keeps its SHA-256 and size, not its bytes. */
  'photos.remove': () => ({ input: PhotoRemove, output: z.object({ id: Id }) }),

  /**
   * The previous round's ligature points and open actions to re-check in this assessment, with the
   * previous record's details: ligature points first (by area name), then actions. Undecided ones
   * have outcome null.
   */
  'rechecks.list': () => ({ input: ByAssessment, output: z.array(Recheck) }),
  /**
   * Records what the assessor found. "still_present" and "changed" copy the point (or action) into
   * this assessment under the same lineage id and return the copy's id as currentId ("changed": the
   * assessor then edits the copy with ligaturePoints.update / actions.update); "removed" records
   * only the finding. An action is copied onto this round's copy of its point (re-check the point
   * first) or onto this round's answer to the same item and area (answer it first). A decision can
   * be changed while the assessment is a draft: to "removed" only while nothing (action, photo)
   * was added to the copy, which is then deleted.
   */
  'rechecks.decide': () => ({ input: RecheckDecide, output: Recheck }),
  /** One ligature point across rounds (by its lineage id), oldest assessment first. */
  'ligaturePoints.history': () => ({ input: z.object({ lineageId: z.string().min(1).max(64) }), output: z.array(LigaturePointHistoryEntry) }),
} satisfies ContractSlice;
