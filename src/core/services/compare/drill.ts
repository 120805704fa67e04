import { sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { CompareDrill } from '../../../shared/contract/compare';
import type { WardType } from '../../../shared/domain/estate';
import {
  complianceValueProblem,
  instanceKey,
  readComplianceValue,
  type WardScores,
} from '../../../shared/scoring';
import { itemInstances, type ComplianceTemplate, type LigatureTemplate } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { AppError } from '../../errors';
import { listActions } from '../assessments/actions';
import { listAnswers } from '../assessments/answers';
import { listLigaturePoints } from '../assessments/ligature-points';
import { pinnedTemplates, scoringAreas } from '../assessments/pinned';
import { getAssessment, type AssessmentView } from '../assessments/read';
import { assessmentResult } from '../assessments/score';
import { scoredWards } from '../scores/scored-wards';

// compare.drill: what lies behind one ward's domain cell — the items that fell short (or were
// not answered) for a compliance domain; the ligature register for the ligature domain.

const FINDING_ORDER = { no: 0, partial: 1, unanswered: 2 } as const;

export function compareDrill(tx: DbOrTx, input: ParsedInput<'compare.drill'>): CompareDrill {
  const assessment = getAssessment(tx, input.assessmentId ?? currentAssessmentId(tx, input.wardId ?? '', input.round, input.includeDrafts ?? false));
  const place = tx.get<{ wardName: string; wardType: string; bedCount: number; siteId: string; siteName: string; boardId: string; boardName: string }>(sql`
    SELECT w.name AS wardName, coalesce(${assessment.wardType}, w.type) AS wardType, coalesce(${assessment.bedCount}, w.bed_count) AS bedCount, s.id AS siteId, s.name AS siteName, b.id AS boardId, b.name AS boardName
    FROM wards w JOIN sites s ON s.id = w.site_id JOIN boards b ON b.id = s.board_id WHERE w.id = ${assessment.wardId}`);
  if (!place) throw new AppError('NOT_FOUND', `The ward of assessment ${assessment.id} is no longer in the register.`);
  const scores = assessmentResult(tx, assessment.id).scores;
  const templates = pinnedTemplates(tx, assessment);
  const areaNames = new Map(assessment.areas.map((a) => [a.areaId, a.name]));
  const areaName = (areaId: string | null) => (areaId === null ? 'Ward' : (areaNames.get(areaId) ?? areaId));

  const head = {
    board: { id: place.boardId, name: place.boardName },
    site: { id: place.siteId, name: place.siteName },
    ward: { id: assessment.wardId, name: place.wardName, type: place.wardType as WardType, bedCount: place.bedCount },
    assessment: { id: assessment.id, round: assessment.round, assessedOn: assessment.assessedOn, status: assessment.status },
    domain: input.domain,
  };

  if (input.domain === 'ligature') {
    const result = scores.ligature;
    return {
      ...head,
      rating: result.rating,
      percentage: null,
      completeness: result.prompts.completeness,
      gates: result.gates.map((g) => g.message),
      items: unansweredPrompts(tx, assessment, templates.ligature, areaName),
      points: ligaturePoints(tx, assessment.id, scores, areaName),
    };
  }
  const result = scores[input.domain];
  return {
    ...head,
    rating: result.rating,
    percentage: result.percentage,
    completeness: result.completeness,
    gates: result.gates.map((g) => g.message),
    items: shortfalls(tx, assessment, templates[input.domain], areaName),
    points: [],
  };
}

function currentAssessmentId(tx: DbOrTx, wardId: string, round: string | undefined, includeDrafts: boolean): string {
  const [current] = scoredWards(tx, { wardId, includeDrafts, ...(round ? { round } : {}) });
  if (!current) {
    throw new AppError('NOT_FOUND', `This ward has no ${includeDrafts ? '' : 'signed-off '}assessment${round ? ` in round ${round}` : ''} to show.`, [{ path: ['wardId'], message: 'No assessment' }]);
  }
  return current.assessment.id;
}

function answersByInstance(tx: DbOrTx, assessmentId: string) {
  return new Map(listAnswers(tx, assessmentId).map((a) => [instanceKey(a.itemId, a.areaId), a]));
}

/** Items answered short of full marks, and items not (validly) answered, worst first then template order. */
function shortfalls(tx: DbOrTx, assessment: AssessmentView, template: ComplianceTemplate, areaName: (id: string | null) => string): CompareDrill['items'] {
  const answers = answersByInstance(tx, assessment.id);
  const sections = new Map(template.sections.map((s) => [s.id, s.title]));
  const items: CompareDrill['items'] = [];
  for (const { item, areaId } of itemInstances(template.items, scoringAreas(assessment))) {
    const answer = answers.get(instanceKey(item.id, areaId));
    const valid = answer !== undefined && complianceValueProblem(item, answer.value) === null;
    let finding: CompareDrill['items'][number]['finding'] = 'unanswered';
    if (answer && valid) {
      const read = readComplianceValue(item, answer.value);
      if (read.kind === 'na' || read.thirds === 6) continue;
      finding = read.fails ? 'no' : 'partial';
    }
    items.push({
      itemId: item.id,
      question: item.question,
      section: sections.get(item.sectionId) ?? item.sectionId,
      areaId,
      areaName: areaName(areaId),
      answer: answer && valid ? answer.value : null,
      finding,
      note: answer?.note ?? null,
      weight: item.weight,
      critical: item.critical,
    });
  }
  return items.map((item, index) => ({ item, index })).sort((a, b) => FINDING_ORDER[a.item.finding] - FINDING_ORDER[b.item.finding] || a.index - b.index).map((x) => x.item);
}

function unansweredPrompts(tx: DbOrTx, assessment: AssessmentView, template: LigatureTemplate, areaName: (id: string | null) => string): CompareDrill['items'] {
  const answers = answersByInstance(tx, assessment.id);
  const sections = new Map(template.sections.map((s) => [s.id, s.title]));
  return itemInstances(template.items, scoringAreas(assessment))
    .filter(({ item, areaId }) => !answers.has(instanceKey(item.id, areaId)))
    .map(({ item, areaId }) => ({
      itemId: item.id,
      question: item.question,
      section: sections.get(item.sectionId) ?? item.sectionId,
      areaId,
      areaName: areaName(areaId),
      answer: null,
      finding: 'unanswered' as const,
      note: null,
      weight: null,
      critical: false,
    }));
}

function ligaturePoints(tx: DbOrTx, assessmentId: string, scores: WardScores, areaName: (id: string | null) => string): CompareDrill['points'] {
  const scored = new Map(scores.ligature.points.map((p) => [p.pointId, p]));
  const actions = listActions(tx, assessmentId);
  return listLigaturePoints(tx, assessmentId)
    .map((point) => {
      const risk = scored.get(point.id);
      if (!risk) throw new Error(`Ligature point ${point.id} was not scored`);
      const pointActions = actions.filter((a) => a.ligaturePointId === point.id);
      return {
        id: point.id,
        areaId: point.areaId,
        areaName: areaName(point.areaId),
        element: point.element,
        description: point.description,
        heightBand: point.heightBand,
        tier: point.tier,
        inherent: risk.inherent,
        residual: risk.residual,
        controls: point.controls,
        tierReason: point.tierReason,
        actions: pointActions.map((a) => ({ type: a.type, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status })),
      };
    })
    .sort((a, b) => b.residual.score - a.residual.score || a.areaName.localeCompare(b.areaName) || a.element.localeCompare(b.element));
}
