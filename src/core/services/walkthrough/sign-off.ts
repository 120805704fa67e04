import { getWard } from '../estate/wards';
import { and, eq, isNull } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { FieldError } from '../../../shared/result';
import type { DbOrTx, ServiceContext } from '../../context';
import { answers, assessments, ligaturePoints, rechecks } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { assertAssessorOf, assertDraft, getAssessment, type AssessmentView } from '../assessments/read';
import { unresolvedCount } from '../merge/conflicts';
import { cacheScores } from '../scores/scored-wards';
import { areaName, domainProgress, walkInstances } from './progress';
import { recheckSummaries } from './rechecks';

const DOMAIN_LABEL = { quality: 'Quality', safety: 'Safety', ligature: 'Ligature risk', therapeutic: 'Therapeutic environment' } as const;

function checkAssessment(tx: DbOrTx, assessment: AssessmentView) {
  const { instances, templates } = walkInstances(tx, assessment);
  const domains = domainProgress(instances, templates);
  const incomplete = new Set(domains.filter((d) => !d.complete).map((d) => d.domain));
  const missing = instances
    .filter((i) => !i.answered && incomplete.has(i.domain))
    .map((i) => ({ domain: i.domain, itemId: i.item.id, areaId: i.areaId, areaName: areaName(assessment, i.areaId), question: i.item.question }));
  const undecided = tx
    .select({ id: rechecks.id })
    .from(rechecks)
    .where(and(eq(rechecks.assessmentId, assessment.id), isNull(rechecks.outcome)))
    .all()
    .map((r) => r.id);
  const undecidedRechecks = undecided.length > 0 ? recheckSummaries(tx, assessment.id).filter((r) => undecided.includes(r.id)) : [];
  const reasons = [
    ...domains
      .filter((d) => !d.complete)
      .map((d) => `${DOMAIN_LABEL[d.domain]} is ${d.completeness ?? 0}% complete (${d.answered} of ${d.applicable} answered); its checklist needs ${d.threshold}% before sign-off`),
    ...(undecidedRechecks.length > 0
      ? [`${undecidedRechecks.length} re-check${undecidedRechecks.length === 1 ? '' : 's'} from the previous round ${undecidedRechecks.length === 1 ? 'is' : 'are'} not yet decided`]
      : []),
    ...mergeReasons(unresolvedCount(tx, assessment.id)),
  ];
  const points = tx.select({ areaId: ligaturePoints.areaId }).from(ligaturePoints).where(eq(ligaturePoints.assessmentId, assessment.id)).all();
  const pointAreas = new Set(points.map((p) => p.areaId));
  const riskWithoutPoint = tx
    .select({ itemId: answers.itemId, areaId: answers.areaId })
    .from(answers)
    .where(and(eq(answers.assessmentId, assessment.id), eq(answers.value, JSON.stringify('risk_present'))))
    .all()
    .filter((a) => (a.areaId === null ? points.length === 0 : !pointAreas.has(a.areaId)))
    .map((a) => ({ itemId: a.itemId, areaId: a.areaId, areaName: areaName(assessment, a.areaId), question: instances.find((i) => i.item.id === a.itemId)?.item.question ?? a.itemId }));
  return {
    assessmentId: assessment.id,
    ready: reasons.length === 0,
    domains,
    missing,
    riskWithoutPoint,
    undecidedRechecks: undecidedRechecks.map((r) => ({ id: r.id, subject: r.subject, description: r.summary })),
    reasons,
  };
}

/** Work merged from other devices that a person must still settle (see services/merge). */
function mergeReasons({ conflicts, duplicates }: { conflicts: number; duplicates: number }): string[] {
  return [
    ...(conflicts > 0 ? [`${conflicts} conflict${conflicts === 1 ? '' : 's'} between devices ${conflicts === 1 ? 'is' : 'are'} not yet resolved`] : []),
    ...(duplicates > 0 ? [`${duplicates} pair${duplicates === 1 ? '' : 's'} of areas added on two devices under one name ${duplicates === 1 ? 'is' : 'are'} not yet settled`] : []),
  ];
}

/** Whether the assessment can be signed off, and if not, exactly what is missing. */
export function signOffCheck(tx: DbOrTx, assessmentId: string) {
  return checkAssessment(tx, getAssessment(tx, assessmentId));
}

/**
 * Signs an assessment off once every domain reaches its template's completeness threshold and
 * every re-check is decided. Its scores are cached in the same transaction; from then on it is a
 * read-only record.
 */
export function signOffAssessment(ctx: ServiceContext, input: ParsedInput<'assessments.signOff'>) {
  return ctx.db.transaction((tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    assertAssessorOf(assessment, input.signedOffBy);
    const check = checkAssessment(tx, assessment);
    if (!check.ready) {
      const fields: FieldError[] = [
        ...check.missing.map((m) => ({ path: ['missing', m.domain, m.areaId ?? 'ward', m.itemId], message: `${m.areaName}: ${m.question}` })),
        ...check.undecidedRechecks.map((r) => ({ path: ['rechecks', r.id], message: r.description })),
      ];
      throw new AppError('CONFLICT', `This assessment cannot be signed off yet: ${check.reasons.join('; ')}.`, fields);
    }
    const signer = assessment.assessors.find((a) => a.id === input.signedOffBy)!;
    const now = ctx.now().toISOString();
    // The ward as it is now becomes part of the record, so later register edits never move the score.
    const ward = getWard(tx, assessment.wardId);
    tx.update(assessments)
      .set({ status: 'signed_off', signedOffAt: now, signedOffBy: signer.name, updatedAt: now, wardType: ward.type, bedCount: ward.bedCount })
      .where(eq(assessments.id, input.assessmentId))
      .run();
    const scores = cacheScores(tx, ctx, input.assessmentId);
    recordAudit(tx, ctx, 'update', 'assessment', input.assessmentId, { status: 'draft' }, {
      status: 'signed_off',
      signedOffAt: now,
      signedOffBy: signer.name,
      signedOffByAssessorId: signer.id,
      wardType: ward.type,
      bedCount: ward.bedCount,
      domains: check.domains,
    });
    return { assessment: getAssessment(tx, input.assessmentId), scores };
  });
}
