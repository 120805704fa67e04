import { contract, type Input } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { defaultTierFor, type SupervisionTier } from '../../../shared/domain/estate';
import { CONTROL_KINDS, TIER_LIKELIHOOD_FLOOR, VIGILANCE_CONTROL_KINDS, isHighOrExtreme, scoreLigaturePoint, type ActionType, type ControlKind } from '../../../shared/scoring';
import { itemInstances, type ComplianceDomain, type TemplateItem } from '../../../shared/templates';
import type { Db } from '../../db/open';
import type { ServiceContext, Tx } from '../../context';
import { createAction } from '../assessments/actions';
import { createLigaturePoint } from '../assessments/ligature-points';
import { pinnedTemplates, scoringAreas } from '../assessments/pinned';
import type { AssessmentView } from '../assessments/read';
import { startAssessment } from '../assessments/start';
import { recordAudit } from '../audit';
import { areasFor } from '../estate/demo';
import { createArea } from '../estate/areas';
import { createBoard } from '../estate/boards';
import { createSite } from '../estate/sites';
import { createWard } from '../estate/wards';
import { decideRecheck, recheckSummaries } from '../walkthrough/rechecks';
import { signOffAssessment, signOffCheck } from '../walkthrough/sign-off';
import { complianceChoice, seedAnswers, type Choice, type SeededAnswer } from './answers';
import { NATIONAL_BOARDS, planBoard } from './plan';
import { seededRandom, type Random } from './random';
import { writeTransaction } from '../../db/transactions';

// A synthetic national estate for benchmarks and trying the national views: 14 boards, ~120
// sites, ~400 wards and three rounds of signed-off assessments. Everything comes from one seeded
// random stream and a fixed clock, so the same seed gives the same database, row for row.
//
// Estate records, assessments, ligature points, actions, re-check decisions and sign-off all go
// through the services (validated by the contract's schemas first, as the router would), so the
// estate holds only what the app's own sign-off accepts. Answers are checked the same way and
// written in batches (see answers.ts).
//
// The spread is meant to look like a real estate, and to exercise every rule of the method: a
// minority of wards red on each domain (a critical failure, or a ligature red gate of each kind),
// the rest amber or green; likelihoods below the tier floor; points at a lower tier with a reason;
// high risks resting on "other" controls, confirmed at sign-off; "not applicable" prompts with
// reasons; points with several actions; and actions carried from the last round, now overdue.

export const NATIONAL_ROUNDS = [
  { round: '2024/25', year: 2024 },
  { round: '2025/26', year: 2025 },
  { round: '2026/27', year: 2026 },
] as const;

export interface NationalSeedOptions {
  seed: number;
  /** Only the first N boards (for quick tests). */
  boards?: number;
  /** At most this many wards in each board (for quick tests). */
  wardsPerBoard?: number;
  onProgress?: (message: string) => void;
}

export interface NationalSeedSummary {
  boards: number;
  sites: number;
  wards: number;
  areas: number;
  assessments: number;
  answers: number;
  ligaturePoints: number;
  actions: number;
}

const ASSESSOR_NAMES = ['Morag Baird', 'Euan Fraser', 'Ailsa Grant', 'Callum Reid', 'Isla Munro', 'Fiona Stewart', 'Ruaridh MacLeod', 'Kirsty Paterson', 'Hamish Douglas', 'Eilidh Ross'];
const ELEMENTS = ['Door closer', 'Curtain rail', 'Wardrobe rail', 'Radiator pipework', 'Window handle', 'Basin tap', 'Shower head', 'WC cistern', 'Bed frame', 'Grab rail', 'Light fitting', 'Fence panel', 'Coat hook', 'TV bracket'];
const DOCUMENTED = CONTROL_KINDS.filter((k) => !VIGILANCE_CONTROL_KINDS.includes(k) && k !== 'other');

/** How a ward's ligature register makes it red in a round, if it does (one of each red gate). */
type LigatureRed = 'mitigate_only' | 'overdue' | 'extreme' | 'vigilance' | null;

/** One ward in one round: how good its estate is, and which domains fail there. */
interface WardRound {
  condition: number;
  criticalFailure: ReadonlySet<ComplianceDomain>;
  ligatureRed: LigatureRed;
}

function parse<O extends keyof typeof contract>(operation: O, input: Input<O>) {
  return contract[operation].input.parse(input) as never;
}

export function seedNational(db: Db, options: NationalSeedOptions): NationalSeedSummary {
  const random = seededRandom(options.seed);
  let clock = new Date('2024-08-01T09:00:00.000Z');
  const ctx: ServiceContext = { db, actor: 'national seed', now: () => clock, newId: () => random.uuid() };
  const summary: NationalSeedSummary = { boards: 0, sites: 0, wards: 0, areas: 0, assessments: 0, answers: 0, ligaturePoints: 0, actions: 0 };
  const progress = options.onProgress ?? (() => undefined);

  return writeTransaction(db, (tx) => {
    const wardIds: { id: string; condition: number }[] = [];
    for (const boardPlan of NATIONAL_BOARDS.slice(0, options.boards ?? NATIONAL_BOARDS.length)) {
      const board = createBoard(ctx, parse('boards.create', { name: boardPlan.name, code: boardPlan.code }));
      summary.boards++;
      for (const sitePlan of planBoard(random, boardPlan, options.wardsPerBoard)) {
        const site = createSite(ctx, parse('sites.create', { boardId: board.id, name: sitePlan.name, eamsSiteCode: sitePlan.eams }));
        summary.sites++;
        for (const w of sitePlan.wards) {
          const ward = createWard(ctx, parse('wards.create', { siteId: site.id, name: w.name, type: w.type, bedCount: w.beds, sexDesignation: w.sex, block: w.block }));
          summary.wards++;
          for (const area of areasFor(w)) {
            createArea(ctx, parse('areas.create', { wardId: ward.id, type: area.type, name: area.name, supervisionTier: defaultTierFor(area.type) }));
            summary.areas++;
          }
          wardIds.push({ id: ward.id, condition: 0.55 + random.next() * 0.35 });
        }
      }
      progress(`${boardPlan.name}: estate added`);
    }
    for (const [index, round] of NATIONAL_ROUNDS.entries()) {
      for (const ward of wardIds) {
        // Things get a little better each round: fewer failures, a better condition.
        const failing = 0.16 - index * 0.02;
        const profile: WardRound = {
          condition: Math.min(0.97, ward.condition + index * 0.04),
          criticalFailure: new Set((['quality', 'safety', 'therapeutic'] as const).filter(() => random.chance(failing))),
          ligatureRed: random.chance(failing) ? random.pick(['mitigate_only', 'overdue', 'extreme', 'vigilance'] as const) : null,
        };
        seedAssessment(tx, ctx, random, ward.id, round, profile, (at) => (clock = at), summary);
      }
      progress(`${round.round}: ${wardIds.length} assessments signed off`);
    }
    return summary;
  });
}

function seedAssessment(
  tx: Tx,
  ctx: ServiceContext,
  random: Random,
  wardId: string,
  { round, year }: (typeof NATIONAL_ROUNDS)[number],
  profile: WardRound,
  setClock: (at: Date) => void,
  summary: NationalSeedSummary,
): void {
  const assessedOn = addDays(`${year}-09-01`, random.int(0, 70));
  setClock(new Date(`${assessedOn}T10:00:00.000Z`));
  const team = [
    { name: random.pick(ASSESSOR_NAMES), role: 'estates' as const },
    { name: random.pick(ASSESSOR_NAMES), role: 'clinical' as const },
    ...(random.chance(0.5) ? [{ name: random.pick(ASSESSOR_NAMES), role: 'lay' as const }] : []),
  ];
  const started = startAssessment(ctx, parse('assessments.start', { wardId, round, assessedOn, announced: random.chance(0.7), assessors: team }));
  summary.assessments++;
  const assessorId = started.assessors[0]!.id;

  // Last round's ligature points first: high ones were dealt with (removed); others may still be there.
  const carried = decidePointRechecks(tx, ctx, random, started, assessorId);
  const forced = new Map<string, Choice>(carried.map((key) => [key, { value: 'risk_present' }]));
  const redPrompt = profile.ligatureRed ? redPromptFor(tx, random, started, forced) : null;
  if (redPrompt) forced.set(redPrompt, { value: 'risk_present' });
  const seeded = seedAnswers(tx, random, started, ctx.now().toISOString(), (template, item, area) => {
    const key = `${item.id}|${area?.id ?? ''}`;
    const given = forced.get(key);
    if (given) return given;
    if (template.domain !== 'ligature') return complianceChoice(random, item as Extract<TemplateItem, { response: unknown }>, profile.condition, profile.criticalFailure.has(template.domain));
    const riskChance = (1 - profile.condition) * (area?.supervisionTier === 3 ? 0.45 : 0.22);
    if (random.chance(riskChance)) return { value: 'risk_present' };
    if (random.chance(area?.supervisionTier === 1 ? 0.05 : area?.supervisionTier === 2 ? 0.02 : 0)) return { value: 'na', naReason: 'Nothing fitted here that the prompt describes' };
    return { value: 'no_risk' };
  });
  summary.answers += seeded.length;
  recordAudit(tx, ctx, 'create', 'answers', started.id, null, { answers: seeded.length, by: 'national seed' });
  decideActionRechecks(tx, ctx, random, started, assessorId);

  const doneBy = round === '2026/27' ? 0.2 : round === '2025/26' ? 0.6 : 0.9;
  const status = () => (random.chance(doneBy) ? ('complete' as const) : random.pick(['open', 'on_track', 'at_risk'] as const));
  for (const answer of seeded) {
    const key = `${answer.itemId}|${answer.areaId ?? ''}`;
    if (answer.value === 'risk_present' && !carried.includes(key)) {
      const kind = key === redPrompt ? profile.ligatureRed : null;
      summary.ligaturePoints++;
      summary.actions += seedLigaturePoint(ctx, random, started, answer, kind, status);
    } else if (answer.value === 'no' || answer.value === 'D') {
      // Some shortfalls were raised before and are now past their due date.
      const dueDate = random.chance(0.15) ? addDays(assessedOn, -random.int(10, 60)) : addDays(assessedOn, random.int(30, 180));
      const late = dueDate < assessedOn;
      createAction(ctx, parse('actions.create', { assessmentId: started.id, answerId: answer.id, type: 'mitigate', description: `Put right the shortfall found at ${answer.itemId}`, owner: random.pick(['Estates manager', 'Senior charge nurse', 'Facilities lead']), dueDate, priority: 'medium', status: late ? 'at_risk' : status() }));
      summary.actions++;
    }
  }

  // Signed off through the sign-off service, as an assessor would (confirming the "other" controls
  // the check lists): it refuses anything its rules refuse.
  setClock(new Date(`${addDays(assessedOn, random.int(1, 14))}T16:00:00.000Z`));
  const confirm = signOffCheck(tx, ctx, started.id).otherControlsToConfirm.map((p) => p.pointId);
  signOffAssessment(ctx, parse('assessments.signOff', { assessmentId: started.id, signedOffBy: assessorId, confirmOtherControls: confirm }));
}

/** Decides each re-checked point of last round; returns the prompts ("item|area") of the points still present. */
function decidePointRechecks(tx: Tx, ctx: ServiceContext, random: Random, assessment: AssessmentView, assessorId: string): string[] {
  const tiers = new Map(assessment.areas.map((a) => [a.areaId, a.supervisionTier]));
  const carried: string[] = [];
  for (const recheck of recheckSummaries(tx, assessment.id).filter((r) => r.subject === 'ligature_point')) {
    const previous = recheck.previousPoint!;
    const band = scoreLigaturePoint(previous, tiers.get(previous.areaId)).residual.band;
    const stillThere = !isHighOrExtreme(band) && random.chance(0.6);
    decideRecheck(ctx, parse('rechecks.decide', { recheckId: recheck.id, outcome: stillThere ? 'still_present' : 'removed', note: stillThere ? 'Seen again on this round' : 'Fitting replaced since the last round', assessorId }));
    if (stillThere) carried.push(`${previous.itemId ?? ''}|${previous.itemId && isWardPrompt(tx, assessment, previous.itemId) ? '' : previous.areaId}`);
  }
  return carried;
}

/** Last round's open actions: done (removed), or still open and carried with their old due date, often now overdue. */
function decideActionRechecks(tx: Tx, ctx: ServiceContext, random: Random, assessment: AssessmentView, assessorId: string): void {
  const pointOutcome = new Map<string, string | null>();
  for (const r of recheckSummaries(tx, assessment.id)) if (r.subject === 'ligature_point') pointOutcome.set(r.previousId, r.outcome);
  for (const recheck of recheckSummaries(tx, assessment.id).filter((r) => r.subject === 'action')) {
    const previous = recheck.previousAction!;
    const pointGone = previous.ligaturePointId !== null && pointOutcome.get(previous.ligaturePointId) === 'removed';
    const stillOpen = !pointGone && random.chance(0.3);
    decideRecheck(ctx, parse('rechecks.decide', { recheckId: recheck.id, outcome: stillOpen ? 'still_present' : 'removed', note: stillOpen ? 'Not done yet' : 'Done', assessorId }));
  }
}

function isWardPrompt(tx: Tx, assessment: AssessmentView, itemId: string): boolean {
  return pinnedTemplates(tx, assessment).ligature.items.find((i) => i.id === itemId)?.appliesTo.scope === 'ward';
}

/** A ligature prompt in a tier 2 or 3 area, not already taken, for the point that makes the ward red. */
function redPromptFor(tx: Tx, random: Random, assessment: AssessmentView, taken: ReadonlyMap<string, Choice>): string | null {
  const areas = scoringAreas(assessment).filter((a) => a.supervisionTier >= 2);
  const places = itemInstances(pinnedTemplates(tx, assessment).ligature.items, areas)
    .filter((i) => i.areaId !== null)
    .map((i) => `${i.item.id}|${i.areaId}`)
    .filter((key) => !taken.has(key));
  return places.length > 0 ? random.pick(places) : null;
}

function control(random: Random, kind: ControlKind) {
  return { kind, description: kind === 'other' ? 'Fitting checked weekly by the estates team and logged' : `${kind.replaceAll('_', ' ')} in place and checked` };
}

/**
 * One ligature point for a "risk present" prompt, with its actions (returns how many). Most are
 * low or moderate after documented controls; some are high with a dated action to remove or
 * replace them (amber); `red` makes it the point that turns the ward red, by the given gate.
 */
function seedLigaturePoint(
  ctx: ServiceContext,
  random: Random,
  assessment: AssessmentView,
  answer: SeededAnswer,
  red: LigatureRed,
  status: () => 'complete' | 'open' | 'on_track' | 'at_risk',
): number {
  // A ward-wide prompt's point sits in one of the ward's unsupervised areas.
  const area = assessment.areas.find((a) => a.areaId === answer.areaId) ?? assessment.areas.find((a) => a.supervisionTier === 3) ?? assessment.areas[0]!;
  const element = random.pick(ELEMENTS);
  const high = red !== null || random.chance(0.12);
  // A point in a supervised part of the room may sit a tier lower, with the reason recorded.
  const lowerTier = red === null && !high && area.supervisionTier >= 2 && random.chance(0.05);
  const tier = (lowerTier ? area.supervisionTier - 1 : area.supervisionTier) as SupervisionTier;
  const floor = TIER_LIKELIHOOD_FLOOR[tier];
  // The likelihood recorded before controls is sometimes below the tier floor: the engine raises it.
  const likelihoodBefore = red === 'extreme' ? random.int(4, 5) : random.int(1, 5);
  const severityBefore = random.int(3, 5);
  const usedBefore = Math.max(likelihoodBefore, floor);
  let controls = [control(random, random.pick(DOCUMENTED)), ...(random.chance(0.4) ? [{ kind: 'staff_vigilance' as const, description: 'Intermittent observation' }] : [])];
  let likelihoodAfter: number;
  let severityAfter: number;
  if (red === 'extreme') {
    [likelihoodAfter, severityAfter] = [Math.min(4, usedBefore), 4];
  } else if (red === 'vigilance') {
    controls = [{ kind: 'staff_vigilance', description: 'Staff aware of it' }];
    [likelihoodAfter, severityAfter] = [floor, 3];
  } else if (high) {
    [likelihoodAfter, severityAfter] = [Math.min(usedBefore, random.int(3, 4)), 3];
    if (red === null && random.chance(0.15)) controls = [control(random, 'other')];
  } else if (tier >= 2 && random.chance(0.08)) {
    // Observation alone on a minor fitting: the floor holds the likelihood after controls up.
    controls = [{ kind: 'staff_observation', description: 'Within sight of the nurses’ station' }];
    [likelihoodAfter, severityAfter] = [random.int(1, 2), 1];
  } else {
    [likelihoodAfter, severityAfter] = [random.int(1, Math.min(2, usedBefore)), Math.min(severityBefore, random.int(1, 3))];
  }
  const point = createLigaturePoint(
    ctx,
    parse('ligaturePoints.create', {
      assessmentId: assessment.id,
      areaId: area.areaId,
      itemId: answer.itemId,
      element,
      heightBand: random.pick(['low_lying', 'knee_to_head', 'above_head'] as const),
      tier,
      tierReason: lowerTier ? 'In full view of the staff base at all times' : null,
      description: `${element} in ${area.name} could hold a ligature`,
      controls,
      likelihoodBefore,
      severityBefore: Math.max(severityBefore, severityAfter),
      likelihoodAfter,
      severityAfter,
      assessorId: assessment.assessors[0]!.id,
    }),
  );
  const action = (type: ActionType, dueDate: string, actionStatus: 'complete' | 'open' | 'on_track' | 'at_risk') =>
    createAction(ctx, parse('actions.create', { assessmentId: assessment.id, ligaturePointId: point.id, type, description: `${type === 'mitigate' ? 'Reduce the risk from' : 'Remove or replace'} the ${element.toLowerCase()}`, owner: 'Estates manager', dueDate, priority: 'high', status: actionStatus }));
  const later = addDays(assessment.assessedOn, random.int(30, 180));
  if (red === 'mitigate_only') {
    action('mitigate', later, 'on_track');
    return 1;
  }
  if (red === 'overdue') {
    action(random.pick(['remove', 'replace'] as const), addDays(assessment.assessedOn, -random.int(7, 60)), 'at_risk');
    return 1;
  }
  if (high || red !== null) {
    action(random.pick(['remove', 'replace'] as const), later, random.pick(['open', 'on_track'] as const));
    // Interim work already done on some: a second action, complete.
    if (random.chance(0.3)) {
      action('mitigate', addDays(assessment.assessedOn, -random.int(1, 20)), 'complete');
      return 2;
    }
    return 1;
  }
  if (likelihoodAfter * severityAfter >= 4 && random.chance(0.5)) {
    action(random.pick(['remove', 'replace', 'mitigate'] as const), later, status());
    return 1;
  }
  return 0;
}
