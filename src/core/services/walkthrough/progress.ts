import { eq } from 'drizzle-orm';
import { completenessAgainst } from '../../../shared/scoring';
import { DOMAINS, itemInstances, type AreaForApplicability, type Domain, type Template, type TemplateItem } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { answers } from '../../db/schema';
import { pinnedTemplates } from '../assessments/pinned';
import { getAssessment, type AssessmentView } from '../assessments/read';
import { WARD_STOP } from '../../../shared/walk/route';
import { routeOf } from './route';

// Where a walkthrough stands: what is asked, what is answered, in walk order. Read from one query
// of (item, area) pairs, so it stays quick on a large ward.

export interface WalkInstance {
  domain: Domain;
  item: TemplateItem;
  areaId: string | null;
  answered: boolean;
}

const WARD_LEVEL = 'Ward-level items';

function key(itemId: string, areaId: string | null): string {
  return `${itemId}\u0000${areaId ?? ''}`;
}

/** The places of the route in walking order: area ids, and null for the ward-level items. */
function placesInRoute(assessment: AssessmentView): (string | null)[] {
  return routeOf(assessment).map((stop) => (stop === WARD_STOP ? null : stop));
}

/**
 * Every item instance of the assessment in walk order (each place of the assessor's route, the
 * ward-level items at theirs; within a place domain by domain in template order), marked
 * answered or not.
 */
export function walkInstances(tx: DbOrTx, assessment: AssessmentView): { instances: WalkInstance[]; templates: Record<Domain, Template> } {
  const templates = pinnedTemplates(tx, assessment) as Record<Domain, Template>;
  const answered = new Set(
    tx
      .select({ itemId: answers.itemId, areaId: answers.areaId })
      .from(answers)
      .where(eq(answers.assessmentId, assessment.id))
      .all()
      .map((a) => key(a.itemId, a.areaId)),
  );
  const areas: AreaForApplicability[] = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaForApplicability['type'], supervisionTier: a.supervisionTier }));
  const byArea = new Map<string | null, WalkInstance[]>(placesInRoute(assessment).map((place) => [place, []]));
  for (const domain of DOMAINS) {
    for (const { item, areaId } of itemInstances(templates[domain].items as TemplateItem[], areas)) {
      byArea.get(areaId)!.push({ domain, item, areaId, answered: answered.has(key(item.id, areaId)) });
    }
  }
  return { instances: [...byArea.values()].flat(), templates };
}

export function domainProgress(instances: readonly WalkInstance[], templates: Record<Domain, Template>) {
  return DOMAINS.map((domain) => {
    const mine = instances.filter((i) => i.domain === domain);
    const applicable = mine.length;
    const answered = mine.filter((i) => i.answered).length;
    const threshold = templates[domain].completenessThreshold;
    return { domain, applicable, answered, threshold, ...completenessAgainst(answered, applicable, threshold) };
  });
}

export function areaName(assessment: AssessmentView, areaId: string | null): string {
  if (areaId === null) return WARD_LEVEL;
  return assessment.areas.find((a) => a.areaId === areaId)?.name ?? areaId;
}

export function assessmentProgress(tx: DbOrTx, assessmentId: string) {
  const assessment = getAssessment(tx, assessmentId);
  const { instances, templates } = walkInstances(tx, assessment);
  // One pass: counts per place (area or ward level) and domain.
  const places = new Map<string | null, Map<Domain, { applicable: number; answered: number }>>();
  for (const place of placesInRoute(assessment)) {
    places.set(place, new Map(DOMAINS.map((d) => [d, { applicable: 0, answered: 0 }])));
  }
  let answered = 0;
  const unanswered = [];
  for (const i of instances) {
    const counts = places.get(i.areaId)!.get(i.domain)!;
    counts.applicable += 1;
    if (i.answered) {
      counts.answered += 1;
      answered += 1;
    } else {
      unanswered.push({ domain: i.domain, itemId: i.item.id, areaId: i.areaId, sectionId: i.item.sectionId });
    }
  }
  const areas = [...places.entries()]
    .map(([areaId, byDomain]) => {
      const domains = DOMAINS.map((domain) => ({ domain, ...byDomain.get(domain)! }));
      return {
        areaId,
        name: areaName(assessment, areaId),
        applicable: domains.reduce((sum, d) => sum + d.applicable, 0),
        answered: domains.reduce((sum, d) => sum + d.answered, 0),
        domains,
      };
    })
    // Every area is listed (an area with nothing to ask is still on the ward); the ward-level
    // group only when some item is asked at ward level.
    .filter((a) => a.areaId !== null || a.applicable > 0);
  return {
    assessmentId,
    status: assessment.status,
    ward: { applicable: instances.length, answered },
    domains: domainProgress(instances, templates),
    areas,
    unanswered,
  };
}
