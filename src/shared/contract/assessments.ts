import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import {
  ActionCreate,
  ActionUpdate,
  AnswerRecord,
  Assessment,
  AssessmentDetailsUpdate,
  AssessmentStart,
  LigaturePointCreate,
  LigaturePointUpdate,
  StoredAction,
  StoredAnswer,
  StoredLigaturePoint,
} from '../domain/assessment-schemas';
import { Id } from '../domain/estate-schemas';
import { ActionPlanEntry } from '../domain/walkthrough-schemas';
import type { WardScores } from '../scoring';
import { DescribedRecordSchema } from './merge';
import type { ContractSlice } from './types';

export const AssessmentScores = lazySchema(() => z.object({
  assessmentId: Id,
  status: z.enum(['draft', 'signed_off']),
  templates: z.object({ quality: z.string(), safety: z.string(), ligature: z.string(), therapeutic: z.string() }),
  /** The scoring engine that computed `scores`, e.g. "mhea-scoring/2". */
  engine: z.string(),
  /** true: the result kept when the assessment was signed off (or imported), never re-rated; false: scored now. */
  kept: z.boolean(),
  // The engine's own result type, computed from stored answers or kept at sign-off; JSON-safe by construction.
  scores: z.custom<WardScores>((v) => typeof v === 'object' && v !== null, 'Expected the scoring engine’s result'),
  /** Records merged from other devices still in conflict (a draft only): the scores are provisional, on the safe side. */
  conflicts: z.array(DescribedRecordSchema),
}));

const ByAssessment = lazySchema(() => z.object({ assessmentId: Id }));

/** A walkthrough: start, answer, record ligature points and actions, score. */
export const assessmentsContract = {
  /**
   * Pins the four current template versions and copies the ward's areas as they are now. When the
   * ward's latest assessment is signed off this is the next round: it is linked as
   * previousAssessmentId and its ligature points and open actions become re-checks (rechecks.list).
   */
  'assessments.start': () => ({ input: AssessmentStart, output: Assessment }),
  'assessments.get': () => ({ input: z.object({ id: Id }), output: Assessment }),
  'assessments.listForWard': () => ({ input: z.object({ wardId: Id }), output: z.array(Assessment) }),
  'answers.list': () => ({ input: ByAssessment, output: z.array(StoredAnswer) }),
  /** Saves one answer the moment it is given (replacing an earlier answer to the same item). */
  'answers.record': () => ({ input: AnswerRecord, output: StoredAnswer }),
  'ligaturePoints.list': () => ({ input: ByAssessment, output: z.array(StoredLigaturePoint) }),
  'ligaturePoints.create': () => ({ input: LigaturePointCreate, output: StoredLigaturePoint }),
  'ligaturePoints.update': () => ({ input: LigaturePointUpdate, output: StoredLigaturePoint }),
  /**
   * The ward's action plan: each action with `overdue` (not complete, and marked overdue or due
   * before today), its point's residual risk, what it is about (question and area, or the point)
   * and `riskRank`; sorted most urgent first: complete ones last, then riskRank (extreme residual or urgent priority 4,
   * high 3, moderate/medium 2, low 1), then overdue first, residual score, due date, description.
   */
  'actions.list': () => ({ input: ByAssessment, output: z.array(ActionPlanEntry) }),
  'actions.create': () => ({ input: ActionCreate, output: StoredAction }),
  'actions.update': () => ({ input: ActionUpdate, output: StoredAction }),
  /**
   * The full scored result against the pinned templates: per domain, section and area. A draft is
   * scored now; a signed-off assessment gives the result kept at sign-off (or import), with the
   * engine that computed it, even when this app runs a newer engine.
   */
  'assessments.score': () => ({ input: z.object({ id: Id }), output: AssessmentScores }),
  /** Corrects a draft's date, round or announcement (refused once signed off; the same rules as at the start). */
  'assessments.updateDetails': () => ({ input: AssessmentDetailsUpdate, output: Assessment }),
} satisfies ContractSlice;
