import { and, eq, isNull } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { londonDate } from '../../../shared/dates';
import { CONTROL_KIND_LABELS, domainCompleteness, notApplicablePromptsInSupervisedAreas, pointsNeedingConfirmation, scoreWard, signOffProblems, type SignOffProblem } from '../../../shared/scoring';
import type { FieldError } from '../../../shared/result';
import { signOffRefusal } from '../../../shared/walk/sign-off';
import type { DbOrTx, ServiceContext } from '../../context';
import { assessments, ligaturePoints, rechecks } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { listLigaturePoints } from '../assessments/ligature-points';
import { findPinnedItem, pinnedTemplates } from '../assessments/pinned';
import { assertAssessorOf, assertDraft, getAssessment, type AssessmentView } from '../assessments/read';
import { scoringInput } from '../assessments/score';
import { getWard } from '../estate/wards';
import { unresolvedCount } from '../merge/conflicts';
import { cacheScores } from '../scores/scored-wards';
import { areaName, walkInstances } from './progress';
import { recheckSummaries } from './rechecks';
import { writeTransaction } from '../../db/transactions';

// Sign-off: the rules are the method's (src/shared/scoring/sign-off-rules.ts), the same ones
// verification applies to a board's return; this service gathers the facts from the store and
// says, in the assessor's terms, what stands in the way.

const DOMAIN_LABEL = { quality: 'Quality', safety: 'Safety', ligature: 'Ligature risk', therapeutic: 'Therapeutic environment' } as const;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence per kind of problem, for the screen and the refusal. */
function reasonsFor(problems: readonly SignOffProblem[], domains: ReturnType<typeof domainCompleteness>): string[] {
  const count = (rule: SignOffProblem['rule']) => problems.filter((p) => p.rule === rule).length;
  const first = (rule: SignOffProblem['rule']) => problems.find((p) => p.rule === rule)?.message ?? '';
  const reasons = domains
    .filter((d) => !d.complete)
    .map((d) => `${DOMAIN_LABEL[d.domain]} is ${d.completeness ?? 0}% complete (${d.answered} of ${d.applicable} answered); its checklist needs ${d.threshold}% before sign-off`);
  const add = (rule: SignOffProblem['rule'], sentence: (n: number) => string) => {
    const n = count(rule);
    if (n > 0) reasons.push(sentence(n));
  };
  add('undecided_rechecks', () => first('undecided_rechecks'));
  add('risk_without_point', (n) => `${plural(n, 'ligature prompt says', 'ligature prompts say')} “risk present” with no ligature point recorded for it`);
  add('na_without_reason', (n) => `${plural(n, 'answer is', 'answers are')} “not applicable” without the reason ${n === 1 ? 'it needs' : 'they need'}`);
  add('tier_below_area', (n) => `${plural(n, 'ligature point is', 'ligature points are')} below ${n === 1 ? 'its' : 'their'} area’s tier with no reason`);
  add('residual_above_inherent', (n) => `${plural(n, 'ligature point has', 'ligature points have')} a higher risk after controls than before`);
  add('control_without_description', (n) => `${plural(n, 'control is', 'controls are')} recorded without saying what ${n === 1 ? 'it is' : 'they are'}`);
  add('copy_unconfirmed', (n) => `${plural(n, 'ligature point', 'ligature points')} copied from a sample room ${n === 1 ? 'is' : 'are'} not yet confirmed in ${n === 1 ? 'its' : 'their'} own room`);
  add('future_date', () => `The assessment is dated in the future: ${first('future_date')}`);
  add('round_mismatch', () => `The round does not match the date: ${first('round_mismatch')}`);
  return reasons;
}

function mergeReasons({ conflicts, duplicates }: { conflicts: number; duplicates: number }): string[] {
  return [
    ...(conflicts > 0 ? [`${plural(conflicts, 'conflict', 'conflicts')} between devices ${conflicts === 1 ? 'is' : 'are'} not yet resolved`] : []),
    ...(duplicates > 0 ? [`${plural(duplicates, 'pair', 'pairs')} of areas added on two devices under one name ${duplicates === 1 ? 'is' : 'are'} not yet settled`] : []),
  ];
}

function checkAssessment(tx: DbOrTx, ctx: Pick<ServiceContext, 'now'>, assessment: AssessmentView) {
  const templates = pinnedTemplates(tx, assessment);
  const input = scoringInput(tx, assessment.id, assessment);
  const scores = scoreWard(templates, input);
  const undecided = tx
    .select({ id: rechecks.id })
    .from(rechecks)
    .where(and(eq(rechecks.assessmentId, assessment.id), isNull(rechecks.outcome)))
    .all()
    .map((r) => r.id);
  const confirmed = new Set<string>();
  const problems = signOffProblems({ templates, input, scores, round: assessment.round, signedOn: londonDate(ctx.now()), undecidedRechecks: undecided.length, confirmedOtherControls: confirmed });
  const domains = domainCompleteness(templates, scores);

  const question = (itemId: string) => findPinnedItem(templates, itemId)?.item.question ?? itemId;
  const domainOf = (itemId: string) => (findPinnedItem(templates, itemId)?.template.domain ?? 'ligature');
  const placed = (p: { itemId: string | null; areaId: string | null }) => ({ itemId: p.itemId ?? '', areaId: p.areaId, areaName: areaName(assessment, p.areaId), question: question(p.itemId ?? '') });
  const incomplete = new Set(domains.filter((d) => !d.complete).map((d) => d.domain));
  const pointById = new Map(input.ligaturePoints.map((p) => [p.id, p]));
  const undecidedRechecks = undecided.length > 0 ? recheckSummaries(tx, assessment.id).filter((r) => undecided.includes(r.id)) : [];
  // Work merged from other devices that a person must still settle (services/merge).
  const unresolved = unresolvedCount(tx, assessment.id);

  return {
    assessmentId: assessment.id,
    ready: problems.every((p) => p.rule === 'other_control_unconfirmed') && unresolved.conflicts + unresolved.duplicates === 0,
    domains,
    missing: walkInstances(tx, assessment)
      .instances.filter((i) => !i.answered && incomplete.has(i.domain))
      .map((i) => ({ domain: i.domain, itemId: i.item.id, areaId: i.areaId, areaName: areaName(assessment, i.areaId), question: i.item.question })),
    undecidedRechecks: undecidedRechecks.map((r) => ({ id: r.id, subject: r.subject, description: r.summary })),
    riskWithoutPoint: problems.filter((p) => p.rule === 'risk_without_point').map(placed),
    naWithoutReason: problems.filter((p) => p.rule === 'na_without_reason').map((p) => ({ domain: domainOf(p.itemId ?? ''), ...placed(p) })),
    naPromptsInSupervisedAreas: notApplicablePromptsInSupervisedAreas(templates, input).map((p) => ({ ...placed(p), naReason: p.naReason })),
    pointProblems: problems
      .filter((p) => p.pointId !== null && p.rule !== 'other_control_unconfirmed' && p.rule !== 'copy_unconfirmed')
      .map((p) => ({ pointId: p.pointId as string, areaName: areaName(assessment, p.areaId), message: p.message })),
    otherControlsToConfirm: pointsNeedingConfirmation(input, scores).map((p) => ({
      pointId: p.pointId,
      areaName: areaName(assessment, p.areaId),
      element: p.element,
      controls: (pointById.get(p.pointId)?.controls ?? []).map((c) => `${CONTROL_KIND_LABELS[c.kind]}${c.description ? `: ${c.description}` : ''}`).join('; '),
    })),
    // A point copied from a sample room scores as recorded, but nobody has yet seen it in its own room.
    pointsToConfirm: pointsToConfirm(tx, assessment, problems),
    reasons: [...reasonsFor(problems, domains), ...mergeReasons(unresolved)],
  };
}

/** The copied points still to confirm in their own rooms, in the order of the walk's route. */
function pointsToConfirm(tx: DbOrTx, assessment: AssessmentView, problems: readonly SignOffProblem[]) {
  const waiting = problems.filter((p) => p.rule === 'copy_unconfirmed');
  if (waiting.length === 0) return [];
  const stored = new Map(listLigaturePoints(tx, assessment.id).map((x) => [x.id, x]));
  const routeIndex = new Map(assessment.areas.map((a, i) => [a.areaId, i]));
  return waiting
    .map((p) => {
      const point = stored.get(p.pointId ?? '');
      const source = point?.copiedFromPointId ? stored.get(point.copiedFromPointId) : undefined;
      return { id: p.pointId ?? '', element: point?.element ?? '', areaId: p.areaId ?? '', areaName: areaName(assessment, p.areaId), sourceAreaName: areaName(assessment, source?.areaId ?? null) };
    })
    .sort((a, b) => (routeIndex.get(a.areaId) ?? 0) - (routeIndex.get(b.areaId) ?? 0) || a.element.localeCompare(b.element) || a.id.localeCompare(b.id));
}

/** Whether the assessment can be signed off, and if not, exactly what is missing. */
export function signOffCheck(tx: DbOrTx, ctx: Pick<ServiceContext, 'now'>, assessmentId: string) {
  return checkAssessment(tx, ctx, getAssessment(tx, assessmentId));
}

/**
 * Signs an assessment off once nothing in the method's sign-off rules stands in the way and the
 * signer has confirmed every "other" control a high or extreme risk rests on (the confirmation is
 * recorded on the point). Its scores are kept in the same transaction; from then on it is a
 * read-only record.
 */
export function signOffAssessment(ctx: ServiceContext, input: ParsedInput<'assessments.signOff'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    assertAssessorOf(assessment, input.signedOffBy);
    const check = checkAssessment(tx, ctx, assessment);
    const unconfirmed = check.otherControlsToConfirm.filter((p) => !input.confirmOtherControls.includes(p.pointId));
    if (!check.ready || unconfirmed.length > 0) {
      const fields: FieldError[] = [
        ...check.missing.map((m) => ({ path: ['missing', m.domain, m.areaId ?? 'ward', m.itemId], message: `${m.areaName}: ${m.question}` })),
        ...check.undecidedRechecks.map((r) => ({ path: ['rechecks', r.id], message: r.description })),
        ...check.riskWithoutPoint.map((m) => ({ path: ['riskWithoutPoint', m.areaId ?? 'ward', m.itemId], message: `${m.areaName}: ${m.question}` })),
        ...check.naWithoutReason.map((m) => ({ path: ['naWithoutReason', m.areaId ?? 'ward', m.itemId], message: `${m.areaName}: ${m.question}` })),
        ...check.pointProblems.map((p) => ({ path: ['ligaturePoints', p.pointId], message: p.message })),
        ...check.pointsToConfirm.map((p) => ({ path: ['pointsToConfirm', p.id], message: `${p.areaName}: ${p.element} (copied from ${p.sourceAreaName})` })),
        ...unconfirmed.map((p) => ({ path: ['confirmOtherControls', p.pointId], message: `${p.areaName}: ${p.element} (${p.controls})` })),
      ];
      throw new AppError('CONFLICT', signOffRefusal(check.reasons, unconfirmed.length), fields);
    }
    const signer = assessment.assessors.find((a) => a.id === input.signedOffBy)!;
    const now = ctx.now().toISOString();
    // The ward as it is now becomes part of the record, so later register edits never move the score.
    const ward = getWard(tx, assessment.wardId);
    tx.update(assessments)
      .set({ status: 'signed_off', signedOffAt: now, signedOffBy: signer.name, updatedAt: now, wardType: ward.type, bedCount: ward.bedCount })
      .where(eq(assessments.id, input.assessmentId))
      .run();
    const confirmedPoints = check.otherControlsToConfirm.map((p) => p.pointId);
    for (const pointId of confirmedPoints) {
      tx.update(ligaturePoints).set({ otherControlConfirmedBy: signer.name, otherControlConfirmedAt: now }).where(eq(ligaturePoints.id, pointId)).run();
    }
    const scores = cacheScores(tx, ctx, input.assessmentId);
    recordAudit(tx, ctx, 'update', 'assessment', input.assessmentId, { status: 'draft' }, {
      status: 'signed_off',
      signedOffAt: now,
      signedOffBy: signer.name,
      signedOffByAssessorId: signer.id,
      wardType: ward.type,
      bedCount: ward.bedCount,
      domains: check.domains,
      otherControlsConfirmed: confirmedPoints,
    });
    return { assessment: getAssessment(tx, input.assessmentId), scores };
  });
}
