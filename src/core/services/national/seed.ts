import { eq } from 'drizzle-orm';
import { contract, type Input } from '../../../shared/contract';
import { defaultTierFor } from '../../../shared/domain/estate';
import { CONTROL_KINDS, TIER_LIKELIHOOD_FLOOR, type AnswerValue } from '../../../shared/scoring';
import type { Db } from '../../db/open';
import type { ServiceContext, Tx } from '../../context';
import { assessments } from '../../db/schema';
import { createAction } from '../assessments/actions';
import { createLigaturePoint } from '../assessments/ligature-points';
import type { AssessmentView } from '../assessments/read';
import { startAssessment } from '../assessments/start';
import { recordAudit } from '../audit';
import { areasFor } from '../estate/demo';
import { createArea } from '../estate/areas';
import { createBoard } from '../estate/boards';
import { createSite } from '../estate/sites';
import { createWard, getWard } from '../estate/wards';
import { cacheScores } from '../scores/scored-wards';
import { seedAnswers, type SeededAnswer } from './answers';
import { NATIONAL_BOARDS, planBoard } from './plan';
import { seededRandom, type Random } from './random';
import { writeTransaction } from '../../db/transactions';

// A synthetic national estate for benchmarks and trying the national views: 14 boards, ~120
// sites, ~400 wards and three rounds of signed-off assessments. Everything comes from one seeded
// random stream and a fixed clock, so the same seed gives the same database, row for row.
//
// Estate records, assessments, ligature points and actions go through the services (validated
// by the contract's schemas first, as the router would). Answers are checked the same way and
// written in batches (see answers.ts). Sign-off belongs to the walkthrough: until it lands, the
// seed marks each assessment signed off and caches its scores in the same transaction, as the
// sign-off will.

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
const DOCUMENTED = CONTROL_KINDS.filter((k) => k !== 'staff_vigilance' && k !== 'other');

function parse<O extends keyof typeof contract>(operation: O, input: Input<O>) {
  return contract[operation].input.parse(input) as never;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
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
        seedAssessment(tx, ctx, random, ward.id, round, Math.min(0.97, ward.condition + index * 0.04), (at) => (clock = at), summary);
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
  condition: number,
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
  const seeded = seedAnswers(tx, random, started, condition, ctx.now().toISOString());
  summary.answers += seeded.length;
  recordAudit(tx, ctx, 'create', 'answers', started.id, null, { answers: seeded.length, by: 'national seed' });

  const dueDate = addDays(assessedOn, random.int(30, 180));
  const doneBy = round === '2026/27' ? 0.2 : round === '2025/26' ? 0.6 : 0.9;
  for (const answer of seeded) {
    if (answer.value === 'risk_present') {
      const point = seedLigaturePoint(ctx, random, started, answer);
      summary.ligaturePoints++;
      if (point.likelihoodAfter * point.severityAfter >= 8) {
        createAction(ctx, parse('actions.create', { assessmentId: started.id, ligaturePointId: point.id, type: random.pick(['remove', 'replace', 'mitigate'] as const), description: `Remove or replace the ${point.element.toLowerCase()} as an anchor point`, owner: 'Estates manager', dueDate, priority: point.severityAfter >= 4 ? 'high' : 'medium', status: random.chance(doneBy) ? 'complete' : random.pick(['open', 'on_track', 'at_risk'] as const) }));
        summary.actions++;
      }
    } else if (answer.value === 'no' || answer.value === 'D') {
      createAction(ctx, parse('actions.create', { assessmentId: started.id, answerId: answer.id, type: 'mitigate', description: `Put right the shortfall found at ${answer.itemId}`, owner: random.pick(['Estates manager', 'Senior charge nurse', 'Facilities lead']), dueDate, priority: 'medium', status: random.chance(doneBy) ? 'complete' : random.pick(['open', 'on_track'] as const) }));
      summary.actions++;
    }
  }

  const signedOffAt = new Date(`${addDays(assessedOn, random.int(1, 14))}T16:00:00.000Z`);
  setClock(signedOffAt);
  const signedOffBy = team[0]!.name;
  const at = signedOffAt.toISOString();
  const ward = getWard(tx, started.wardId);
  const snapshot = { wardType: ward.type, bedCount: ward.bedCount };
  tx.update(assessments).set({ status: 'signed_off', signedOffAt: at, signedOffBy, updatedAt: at, ...snapshot }).where(eq(assessments.id, started.id)).run();
  recordAudit(tx, ctx, 'update', 'assessment', started.id, { status: 'draft' }, { status: 'signed_off', signedOffAt: at, signedOffBy, ...snapshot });
  cacheScores(tx, ctx, started.id);
}

function seedLigaturePoint(ctx: ServiceContext, random: Random, assessment: AssessmentView, answer: SeededAnswer & { value: AnswerValue }) {
  // A ward-wide prompt's point sits in one of the ward's unsupervised areas.
  const area = assessment.areas.find((a) => a.areaId === answer.areaId) ?? assessment.areas.find((a) => a.supervisionTier === 3) ?? assessment.areas[0]!;
  const floor = TIER_LIKELIHOOD_FLOOR[area.supervisionTier];
  const likelihoodBefore = random.int(floor, 5);
  const severityBefore = random.int(3, 5);
  const element = random.pick(ELEMENTS);
  const kind = random.pick(DOCUMENTED);
  return createLigaturePoint(
    ctx,
    parse('ligaturePoints.create', {
      assessmentId: assessment.id,
      areaId: area.areaId,
      itemId: answer.itemId,
      element,
      heightBand: random.pick(['low_lying', 'knee_to_head', 'above_head'] as const),
      tier: area.supervisionTier,
      description: `${element} in ${area.name} could hold a ligature`,
      controls: [
        { kind, description: `${kind.replaceAll('_', ' ')} in place and checked` },
        ...(random.chance(0.5) ? [{ kind: 'staff_vigilance' as const, description: 'Intermittent observation' }] : []),
      ],
      likelihoodBefore,
      severityBefore,
      likelihoodAfter: random.int(1, likelihoodBefore),
      severityAfter: Math.max(1, severityBefore - random.int(0, 1)),
      assessorId: assessment.assessors[0]!.id,
    }),
  );
}
