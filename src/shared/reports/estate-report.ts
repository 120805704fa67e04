import { WARD_TYPE_LABELS, type WardType } from '../domain/estate';
import { RISK_BANDS, type RiskBand } from '../scoring/ligature-risk';
import type { Rating } from '../scoring/rating';
import { londonDateOf } from '../dates';
import { SCORING_ENGINE_VERSION, SCORING_METHOD_VERSION, isActionOverdue } from '../scoring';
import { rollUp, type RollupWard } from '../scoring/rollup';
import type { WardScores } from '../scoring/ward';
import type { Domain } from '../templates/schema';
import { ligatureBandTierChart, ratingsByWardTypeChart } from './charts';
import {
  ACTION_STATUS_LABELS,
  BAND_LABELS,
  DOMAIN_LABELS,
  PRIORITY_LABELS,
  RATING_LABELS,
  REPORT_DOMAINS,
  longDate,
  percentText,
} from './labels';
import { reportFileName, type ReportMeta } from './meta';
import { actionLine, type AssessorRole, type ReportAction, type ReportArea, type ReportLigaturePoint } from './ward-report';
import { compareNames } from '../names';

// The site report and the board's consolidated estate report: the same model at two scopes.
// Built from data already read (the current assessment per ward for the round, its scores,
// ligature register and actions, and the previous round's ratings), with no I/O.

export interface EstateWardInput {
  siteName: string;
  wardId: string;
  wardName: string;
  wardType: WardType;
  bedCount: number;
  assessment: {
    id: string;
    round: string;
    assessedOn: string;
    status: 'draft' | 'signed_off';
    assessorRoles: AssessorRole[];
    templates: Record<Domain, string>;
    areas: ReportArea[];
  };
  scores: WardScores;
  /** The engine that computed `scores` (a result kept at sign-off keeps its engine). */
  scoredBy: string;
  rollup: RollupWard;
  ligaturePoints: ReportLigaturePoint[];
  actions: ReportAction[];
}

export interface EstateReportInput {
  kind: 'site' | 'board';
  scopeName: string;
  board: { name: string; code: string | null };
  generatedAt: string;
  app: { name: string; version: string };
  /** The round reported on; null when nothing in scope has been assessed. */
  round: string | null;
  previousRound: string | null;
  /** Drafts were asked for: a ward with no signed-off assessment in the round is shown by its latest draft. */
  includeDrafts: boolean;
  siteCount: number;
  wardsInScope: { wardId: string; wardName: string; siteName: string; wardType: WardType }[];
  current: EstateWardInput[];
  previous: RollupWard[];
}

export interface HeatCell {
  domain: Domain;
  rating: Rating;
  label: string;
  detail: string;
}

export interface HeatRow {
  site: string;
  ward: string;
  wardType: string;
  status: string;
  cells: HeatCell[];
}

export interface TopRisk {
  site: string;
  ward: string;
  area: string;
  element: string;
  tier: 1 | 2 | 3;
  residual: string;
  score: number;
  band: RiskBand;
  bandLabel: string;
  action: string;
}

export interface OverdueAction {
  site: string;
  ward: string;
  finding: string;
  description: string;
  owner: string;
  due: string;
  priority: string;
  status: string;
}

export interface ChangeCell {
  domain: Domain;
  then: Rating | null;
  now: Rating;
  text: string;
  direction: 'better' | 'worse' | 'same' | 'new';
}

export interface EstateReport {
  meta: ReportMeta;
  title: string;
  subtitle: string;
  scope: [string, string][];
  notAssessed: string[];
  method: string[];
  domainSummary: { domain: string; counts: Record<Rating, number>; median: string; range: string }[];
  heatmap: HeatRow[];
  charts: {
    ratingsByWardType: { svg: string; width: number; height: number } | null;
    ligatureByBandAndTier: { svg: string; width: number; height: number } | null;
  };
  ligatureTable: { band: string; tier1: number; tier2: number; tier3: number; total: number }[];
  ligatureFacts: [string, string][];
  topRisks: TopRisk[];
  actionStatus: { status: string; count: number }[];
  actionTotals: { total: number; open: number; overdue: number };
  overdue: OverdueAction[];
  change: { previousRound: string | null; rows: { site: string; ward: string; cells: ChangeCell[] }[] };
}

export const TOP_RISK_COUNT = 10;

const RATING_RANK: Record<Rating, number> = { red: 0, not_rated: 1, amber: 2, green: 3 };

export function buildEstateReport(input: EstateReportInput): EstateReport {
  const reportDate = londonDateOf(input.generatedAt);
  const wards = [...input.current].sort((a, b) => compareNames(a.siteName, b.siteName) || compareNames(a.wardName, b.wardName));
  const templateVersions = [...new Set(wards.flatMap((w) => REPORT_DOMAINS.map((d) => w.assessment.templates[d])))].sort();
  const drafts = wards.filter((w) => w.assessment.status === 'draft').length;
  const roundText = input.round ?? 'none assessed';
  const meta: ReportMeta = {
    appName: input.app.name,
    appVersion: input.app.version,
    generatedAt: input.generatedAt,
    templateVersions,
    includesDraft: drafts > 0,
    assessmentCount: wards.length,
    fileName: reportFileName(input.kind === 'board' ? 'board-report' : 'site-report', `${input.scopeName} ${roundText}`, reportDate),
  };
  const rollup = rollUp(wards.map((w) => w.rollup));

  return {
    meta,
    title: input.kind === 'board' ? `Consolidated estate report: ${input.scopeName}` : `Site report: ${input.scopeName}`,
    subtitle: input.round === null ? `${input.kind === 'board' ? '' : `${input.board.name} · `}No ward assessed yet` : input.kind === 'board' ? `Round ${input.round}` : `${input.board.name} · round ${input.round}`,
    ...scopeSection(input, wards, drafts),
    method: methodText(input.kind, input.includeDrafts),
    domainSummary: REPORT_DOMAINS.map((domain) => {
      const group = rollup[domain];
      const distribution = 'distribution' in group ? group.distribution : null;
      return {
        domain: DOMAIN_LABELS[domain],
        counts: group.ratingCounts,
        median: distribution ? percentText(distribution.median) : domain === 'ligature' ? 'not a percentage' : '–',
        range: distribution ? `${percentText(distribution.min)} to ${percentText(distribution.max)}` : '–',
      };
    }),
    heatmap: wards.map((w) => ({
      site: w.siteName,
      ward: w.wardName,
      wardType: WARD_TYPE_LABELS[w.wardType],
      status: w.assessment.status === 'signed_off' ? 'Signed off' : 'Draft',
      cells: REPORT_DOMAINS.map((domain) => heatCell(w.scores, domain)),
    })),
    charts: {
      ratingsByWardType:
        wards.length === 0
          ? null
          : ratingsByWardTypeChart(
              rollup.quality.byWardType.map((group) => ({
                wardType: group.wardType,
                counts: Object.fromEntries(
                  REPORT_DOMAINS.map((d) => [d, rollup[d].byWardType.find((g) => g.wardType === group.wardType)?.ratingCounts]),
                ) as Record<Domain, Record<Rating, number>>,
              })),
            ),
      ligatureByBandAndTier: wards.length === 0 ? null : ligatureBandTierChart(rollup.ligature.residualByBandAndTier),
    },
    ligatureTable: RISK_BANDS.map((band) => {
      const c = rollup.ligature.residualByBandAndTier[band];
      return { band: BAND_LABELS[band], tier1: c.tier1, tier2: c.tier2, tier3: c.tier3, total: c.tier1 + c.tier2 + c.tier3 };
    }),
    ligatureFacts: [
      ['Ligature points recorded', String(wards.reduce((n, w) => n + w.scores.ligature.summary.pointCount, 0))],
      ['High or extreme residual points', String(rollup.ligature.highExtremeResidual)],
      ['Beds in the wards assessed', String(rollup.ligature.bedCount)],
      ['High or extreme residual points per 10 beds', rollup.ligature.highExtremeResidualPer10Beds === null ? '–' : rollup.ligature.highExtremeResidualPer10Beds.toFixed(1)],
    ],
    topRisks: topRisks(wards),
    ...actionSection(wards, reportDate),
    change: changeSection(input, wards),
  };
}

function scopeSection(input: EstateReportInput, wards: EstateWardInput[], drafts: number) {
  const assessed = new Set(wards.map((w) => w.wardId));
  const dates = wards.map((w) => w.assessment.assessedOn).sort();
  const roles = { estates: 0, clinical: 0, lay: 0 };
  for (const w of wards) for (const role of new Set(w.assessment.assessorRoles)) roles[role] += 1;
  const lowest = wards
    .map((w) => Math.min(...(['quality', 'safety', 'therapeutic'] as const).map((d) => w.scores[d].completeness ?? 100), w.scores.ligature.prompts.completeness ?? 100))
    .sort((a, b) => a - b)[0];
  const scope: [string, string][] = [
    ['Health board', input.board.code ? `${input.board.name} (${input.board.code})` : input.board.name],
    ...(input.kind === 'site' ? ([['Site', input.scopeName]] as [string, string][]) : ([['Sites', String(input.siteCount)]] as [string, string][])),
    ['Round', input.round ?? 'None assessed yet'],
    ['Wards in scope', String(input.wardsInScope.length)],
    ['Assessments counted', input.includeDrafts ? 'Signed off; drafts included (marked "Draft") where a ward has no signed-off assessment in the round' : 'Signed off only (drafts are left out)'],
    ['Wards assessed in this round', input.includeDrafts ? `${wards.length} (${wards.length - drafts} signed off, ${drafts} draft)` : `${wards.length} signed off`],
    ['Assessment dates', dates.length > 0 ? `${longDate(dates[0] ?? '')} to ${longDate(dates[dates.length - 1] ?? '')}` : '–'],
    ['Assessor mix (wards with each role)', `estates ${roles.estates}, clinical ${roles.clinical}, lay / lived experience ${roles.lay}`],
    ['Lowest completeness of any domain', lowest === undefined ? '–' : percentText(lowest)],
    ['Previous round compared', input.previousRound ?? 'None (first round in scope)'],
    ['Scored by', engineText(wards)],
  ];
  const notAssessed = input.wardsInScope
    .filter((w) => !assessed.has(w.wardId))
    .sort((a, b) => compareNames(a.siteName, b.siteName) || compareNames(a.wardName, b.wardName))
    .map((w) => (input.kind === 'board' ? `${w.wardName} (${w.siteName})` : w.wardName));
  return { scope, notAssessed };
}

/** Which engines computed the figures: a result kept at sign-off keeps the engine it was computed by. */
function engineText(wards: readonly EstateWardInput[]): string {
  if (wards.length === 0) return '–';
  const counts = new Map<string, number>();
  for (const w of wards) counts.set(w.scoredBy, (counts.get(w.scoredBy) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([engine, n]) => `${engine} (${n} ward${n === 1 ? '' : 's'}${engine === SCORING_ENGINE_VERSION ? '' : ', kept from an earlier version of the method'})`)
    .join('; ');
}

function methodText(kind: 'site' | 'board', includeDrafts: boolean): string[] {
  return [
    `Each ward in this ${kind === 'board' ? 'board' : 'site'} was walked area by area against four checklists: quality, safety, ligature risk and therapeutic environment. ${
      includeDrafts
        ? 'For each ward this report uses its current assessment in the round: the signed-off one if there is one, otherwise the latest draft (marked "Draft": its figures may still change).'
        : 'For each ward this report uses its signed-off assessment in the round; drafts are left out.'
    } A signed-off assessment keeps the result it was signed off with.`,
    'Quality, safety and therapeutic environment are weighted percentages: yes scores 2 points, partial 1 and no 0 (grades A to D score 2, 1.33, 0.67 and 0), each multiplied by the item’s weight; items not applicable are left out of both sides. Green is 85% or more and amber 65% or more unless a checklist sets other thresholds. A "no" on a critical item makes that domain red whatever its percentage. Completeness (items answered out of items that apply) is shown beside every score.',
    'Ligature risk is never a percentage or an average. Each ligature point is scored likelihood × severity (1 to 25) before and after controls; the supervision tier sets a floor under likelihood. The ward is red if any residual risk is extreme, if a high risk in a tier 2 or 3 area has no open, dated action to remove or replace it, if a high or extreme risk relies on staff vigilance or observation alone, or if any of its actions is overdue; every action on a point counts. It is not rated while any prompt is unanswered (a "not applicable" needs a reason), while a "risk present" has no point recorded for it, or when every prompt is "not applicable"; then amber while moderate or high risks remain; green only when all remaining risks are low.',
    `The four ratings are shown side by side and never blended into one figure. The full method, with worked examples that let anyone reproduce a score by hand, is published with the app as "How wards are scored" (docs/scoring-method.md, scoring method ${SCORING_METHOD_VERSION}, engine ${SCORING_ENGINE_VERSION}).`,
  ];
}

function heatCell(scores: WardScores, domain: Domain): HeatCell {
  if (domain === 'ligature') {
    const s = scores.ligature.summary;
    const high = s.residualByBand.high;
    const extreme = s.residualByBand.extreme;
    return {
      domain,
      rating: scores.ligature.rating,
      label: RATING_LABELS[scores.ligature.rating],
      detail: s.pointCount === 0 ? 'no points' : `${extreme} extreme, ${high} high`,
    };
  }
  const result = scores[domain];
  return {
    domain,
    rating: result.rating,
    label: RATING_LABELS[result.rating],
    detail: `${percentText(result.percentage)}${result.gates.length > 0 ? ', gate' : ''}`,
  };
}

/** Every action on a point, one after another (all of them count). */
function actionsText(actions: readonly ReportAction[]): string {
  return actions.length === 0 ? 'No action recorded' : actions.map(actionLine).join('; ');
}

function topRisks(wards: EstateWardInput[]): TopRisk[] {
  const risks: TopRisk[] = [];
  for (const w of wards) {
    const areaName = new Map(w.assessment.areas.map((a) => [a.areaId, a.name]));
    const stored = new Map(w.ligaturePoints.map((p) => [p.id, p]));
    for (const scored of w.scores.ligature.points) {
      const point = stored.get(scored.pointId);

      risks.push({
        site: w.siteName,
        ward: w.wardName,
        area: areaName.get(scored.areaId) ?? 'Unknown area',
        element: point?.element ?? 'Ligature point',
        tier: scored.tier,
        residual: `${scored.residual.likelihood} × ${scored.residual.severity} = ${scored.residual.score}`,
        score: scored.residual.score,
        band: scored.residual.band,
        bandLabel: BAND_LABELS[scored.residual.band],
        action: actionsText(w.actions.filter((a) => a.ligaturePointId === scored.pointId)),
      });
    }
  }
  return risks
    .sort((a, b) => b.score - a.score || b.tier - a.tier || compareNames(a.ward, b.ward) || compareNames(a.area, b.area))
    .slice(0, TOP_RISK_COUNT);
}

function actionSection(wards: EstateWardInput[], reportDate: string) {
  const counts = new Map<string, number>(Object.keys(ACTION_STATUS_LABELS).map((s) => [s, 0]));
  const overdue: (OverdueAction & { dueSort: string })[] = [];
  let total = 0;
  for (const w of wards) {
    const areaName = new Map(w.assessment.areas.map((a) => [a.areaId, a.name]));
    const pointById = new Map(w.ligaturePoints.map((p) => [p.id, p]));
    for (const action of w.actions) {
      total += 1;
      counts.set(action.status, (counts.get(action.status) ?? 0) + 1);
      if (!isActionOverdue(action.status, action.dueDate, reportDate)) continue;
      const point = action.ligaturePointId ? pointById.get(action.ligaturePointId) : undefined;
      // Answer ids are "<assessment>:<item>:<area or ward>" (see answers.ts).
      const [, itemId, areaId] = action.answerId?.split(':') ?? [];
      const finding = point
        ? `Ligature point: ${point.element} (${areaName.get(point.areaId) ?? 'area'})`
        : itemId
          ? `Item ${itemId} (${areaId === 'ward' ? 'whole ward' : (areaName.get(areaId ?? '') ?? 'area')})`
          : 'Finding';
      overdue.push({
        site: w.siteName,
        ward: w.wardName,
        finding,
        description: action.description,
        owner: action.owner,
        due: action.dueDate ? longDate(action.dueDate) : 'No date',
        dueSort: action.dueDate ?? '',
        priority: PRIORITY_LABELS[action.priority],
        status: ACTION_STATUS_LABELS[action.status],
      });
    }
  }
  const open = total - (counts.get('complete') ?? 0);
  return {
    actionStatus: [...counts.entries()].map(([status, count]) => ({ status: ACTION_STATUS_LABELS[status as keyof typeof ACTION_STATUS_LABELS], count })),
    actionTotals: { total, open, overdue: overdue.length },
    overdue: overdue.sort((a, b) => a.dueSort.localeCompare(b.dueSort) || compareNames(a.ward, b.ward)).map(({ dueSort: _d, ...row }) => row),
  };
}

function changeSection(input: EstateReportInput, wards: EstateWardInput[]): EstateReport['change'] {
  const previous = new Map(input.previous.map((p) => [p.wardId, p]));
  return {
    previousRound: input.previousRound,
    rows: wards.map((w) => {
      const before = previous.get(w.wardId);
      return {
        site: w.siteName,
        ward: w.wardName,
        cells: REPORT_DOMAINS.map((domain) => {
          const now = w.rollup[domain].rating;
          const then = before ? before[domain].rating : null;
          if (then === null) return { domain, then, now, text: `${RATING_LABELS[now]} (new)`, direction: 'new' as const };
          const direction = RATING_RANK[now] > RATING_RANK[then] ? 'better' : RATING_RANK[now] < RATING_RANK[then] ? 'worse' : 'same';
          const word = { better: 'better', worse: 'worse', same: 'no change' }[direction];
          return { domain, then, now, text: `${RATING_LABELS[then]} to ${RATING_LABELS[now]} (${word})`, direction };
        }),
      };
    }),
  };
}
