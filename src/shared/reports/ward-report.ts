import type { ACTION_PRIORITIES } from '../domain/assessment-schemas';
import type { PhotoMarkup } from '../domain/walkthrough-schemas';
import { explainRatings } from '../scoring/reasons';
import { SEX_DESIGNATION_LABELS, WARD_TYPE_LABELS, type SexDesignation, type WardType } from '../domain/estate';
import { bandNumber, fallsShort } from '../scoring/compliance-values';
import { answerLabel } from '../vocabulary';
import { londonDateOf } from '../dates';
import { isActionOverdue } from '../scoring/actions';
import type { ACTION_STATUSES, ACTION_TYPES, AnswerValue, CONTROL_KINDS, HEIGHT_BANDS } from '../scoring/inputs';
import type { RiskBand } from '../scoring/ligature-risk';
import type { Rating } from '../scoring/rating';
import type { PinnedTemplates, WardScores } from '../scoring/ward';
import type { ComplianceItem } from '../templates/item-schema';
import type { Domain } from '../templates/schema';
import {
  ACTION_STATUS_LABELS,
  ACTION_TYPE_LABELS,
  ANSWER_LABELS,
  BAND_LABELS,
  CONTROL_KIND_LABELS,
  DOMAIN_LABELS,
  HEIGHT_BAND_LABELS,
  PRIORITY_LABELS,
  RATING_LABELS,
  REPORT_DOMAINS,
  longDate,
  percentText,
} from './labels';
import type { ReportMeta } from './meta';
import { reportFileName } from './meta';

// The ward report's content, built from data already read from the store: no I/O here, so the
// same model can be checked in tests and laid out by any renderer.

export type AssessorRole = 'estates' | 'clinical' | 'lay';
type ActionType = (typeof ACTION_TYPES)[number];
type ActionStatus = (typeof ACTION_STATUSES)[number];
type Priority = (typeof ACTION_PRIORITIES)[number];

export interface ReportAction {
  id: string;
  answerId: string | null;
  ligaturePointId: string | null;
  type: ActionType;
  description: string;
  owner: string;
  dueDate: string | null;
  priority: Priority;
  status: ActionStatus;
}

export interface ReportLigaturePoint {
  id: string;
  areaId: string;
  element: string;
  heightBand: (typeof HEIGHT_BANDS)[number];
  tier: 1 | 2 | 3;
  /** Why the tier is below the area's. */
  tierReason: string | null;
  description: string;
  controls: { kind: (typeof CONTROL_KINDS)[number]; description: string }[];
  /** The lead who confirmed, at sign-off, the "other" control a high or extreme risk rests on, and when. */
  otherControlConfirmedBy: string | null;
  otherControlConfirmedAt: string | null;
  /** Copied from this point of a sample room; when it was confirmed in its own room (null: not yet). */
  copiedFromPointId?: string | null;
  copyConfirmedAt?: string | null;
}

export interface ReportPhoto {
  answerId: string | null;
  ligaturePointId: string | null;
  mimeType: string;
  base64: string;
  caption: string | null;
  /** As shown (orientation applied), for drawing the mark-up over it. */
  width?: number | null;
  height?: number | null;
  markup?: PhotoMarkup | null;
}

export interface ReportArea {
  areaId: string;
  name: string;
  type: string;
  supervisionTier: 1 | 2 | 3;
  /** The sample room it was filled from, if any. */
  sampleAreaId?: string | null;
}

export interface WardReportInput {
  generatedAt: string;
  app: { name: string; version: string };
  board: { name: string; code: string | null };
  site: { name: string };
  ward: { name: string; type: WardType; bedCount: number; sexDesignation: string };
  assessment: {
    id: string;
    round: string;
    assessedOn: string;
    status: 'draft' | 'signed_off';
    signedOffAt: string | null;
    signedOffBy: string | null;
    assessors: { name: string; role: AssessorRole }[];
    areas: ReportArea[];
    templates: Record<Domain, string>;
  };
  templates: PinnedTemplates;
  scores: WardScores;
  /** The engine that computed `scores`, and whether they are the result kept at sign-off. */
  scoredBy: { engine: string; kept: boolean };
  answers: { id: string; itemId: string; areaId: string | null; value: AnswerValue; note: string | null; copiedFromAreaId?: string | null }[];
  ligaturePoints: ReportLigaturePoint[];
  actions: ReportAction[];
  photos: ReportPhoto[];
}

export interface DomainSummary {
  domain: Domain;
  label: string;
  rating: Rating;
  ratingLabel: string;
  /** "82.5%" for compliance domains; the worst residual risk for ligature. */
  result: string;
  completeness: string;
  basis: string;
  gates: string[];
}

export interface Thumbnail {
  dataUrl: string;
  caption: string | null;
  /** Width ÷ height as shown, when known (to draw the mark-up over the picture). */
  aspect: number | null;
  markup: PhotoMarkup | null;
}

/** Areas assessed as a sample room: which, how much is still as copied, and what differs from the sample. */
export interface SampleRoomSummary {
  sample: string;
  areas: string[];
  /** Answers still as copied from the sample (not answered again since). */
  stillCopied: number;
  /** One line per answer that differs from the sample's: "Bedroom 7, S05: No (Bedroom 1: Yes)". */
  differences: string[];
  /** Ligature points copied from the sample: how many were confirmed in their own room. */
  pointsCopied: number;
  pointsConfirmed: number;
}

export interface NonCompliantItem {
  domain: string;
  area: string;
  itemId: string;
  question: string;
  answer: string;
  critical: boolean;
  note: string | null;
  photos: Thumbnail[];
}

export interface LigatureRow {
  area: string;
  element: string;
  description: string;
  heightBand: string;
  /** The tier scored, with the recorded tier and its reason where they differ from the area's. */
  tier: string;
  controls: string;
  /** "'Other' control confirmed by … on …" for a high risk resting on an "other" control, else null. */
  confirmation: string | null;
  inherent: { text: string; score: number; band: RiskBand; bandLabel: string };
  residual: { text: string; score: number; band: RiskBand; bandLabel: string };
  /** Every action on the point, one line each (all of them count). */
  actions: string[];
  /** The engine's problems with this point (e.g. staff vigilance alone for a high risk), in its words. */
  problems: string[];
  photos: Thumbnail[];
  /** For a point copied from a sample room: where from, and whether it was confirmed in its own room. */
  copied: string | null;
}

export interface ActionRow {
  finding: string;
  type: string;
  description: string;
  owner: string;
  due: string;
  priority: string;
  status: string;
  overdue: boolean;
}

export interface WardReport {
  meta: ReportMeta;
  title: string;
  details: [string, string][];
  domains: DomainSummary[];
  nonCompliant: NonCompliantItem[];
  ligature: LigatureRow[];
  /** The ligature summary's action figures, stated with their rule. */
  ligatureFacts: [string, string][];
  actions: ActionRow[];
  /** The date "overdue" in the action plan is judged on (the report date, Europe/London). */
  overdueOn: string;
  /** Areas assessed as a sample room ("as Bedroom 1"), and what differed. */
  sampleRooms: SampleRoomSummary[];
  /** Problems the engine reported (e.g. an answer to an unknown item), in plain words. */
  issues: string[];
}

const ROLE_LABELS: Record<AssessorRole, string> = { estates: 'estates', clinical: 'clinical', lay: 'lay / lived experience' };

/**
 * A photo as an embeddable data URL, or null when its bytes are not the JPEG or PNG they claim to
 * be (a broken photo must not stop the whole report; it is left out and counted instead).
 */
export function thumbnail(photo: ReportPhoto): Thumbnail | null {
  const jpeg = photo.mimeType === 'image/jpeg' && photo.base64.startsWith('/9j/');
  const png = photo.mimeType === 'image/png' && photo.base64.startsWith('iVBORw0KGgo');
  if (!jpeg && !png) return null;
  const aspect = photo.width && photo.height ? photo.width / photo.height : null;
  return { dataUrl: `data:${photo.mimeType};base64,${photo.base64}`, caption: photo.caption, aspect, markup: photo.markup ?? null };
}

export function buildWardReport(input: WardReportInput): WardReport {
  const { assessment, scores } = input;
  const areaName = new Map(assessment.areas.map((a) => [a.areaId, a.name]));
  const areaLabel = (areaId: string | null) => (areaId === null ? 'Whole ward' : (areaName.get(areaId) ?? 'Area no longer on the ward'));
  const reportDate = londonDateOf(input.generatedAt);
  const includesDraft = assessment.status === 'draft';
  const templateVersions = REPORT_DOMAINS.map((d) => assessment.templates[d]);

  const meta: ReportMeta = {
    appName: input.app.name,
    appVersion: input.app.version,
    generatedAt: input.generatedAt,
    templateVersions,
    includesDraft,
    assessmentCount: 1,
    fileName: reportFileName('ward-report', `${input.ward.name} ${assessment.round}`, reportDate),
  };

  const status =
    assessment.status === 'signed_off'
      ? `Signed off${assessment.signedOffAt ? ` on ${longDate(assessment.signedOffAt)}` : ''}${assessment.signedOffBy ? ` by ${assessment.signedOffBy}` : ''}`
      : 'Draft – not signed off; figures may still change';

  const details: [string, string][] = [
    ['Ward', input.ward.name],
    ['Ward type', WARD_TYPE_LABELS[input.ward.type]],
    ['Beds', String(input.ward.bedCount)],
    ['Sex designation', SEX_DESIGNATION_LABELS[input.ward.sexDesignation as SexDesignation] ?? input.ward.sexDesignation],
    ['Site', input.site.name],
    ['Health board', input.board.code ? `${input.board.name} (${input.board.code})` : input.board.name],
    ['Round', assessment.round],
    ['Date assessed', longDate(assessment.assessedOn)],
    ['Assessors', assessment.assessors.map((a) => `${a.name} (${ROLE_LABELS[a.role]})`).join(', ') || 'None recorded'],
    ['Status', status],
    ['Checklist versions', templateVersions.join(', ')],
    ['Scored by', input.scoredBy.kept ? `${input.scoredBy.engine}, the result kept when it was signed off` : `${input.scoredBy.engine}, scored when this report was made`],
  ];

  return {
    meta,
    title: `Ward assessment report: ${input.ward.name}`,
    details,
    domains: domainSummaries(input, areaLabel),
    nonCompliant: nonCompliantItems(input, areaLabel),
    ligature: ligatureRows(input, areaLabel),
    ligatureFacts: ligatureFacts(input),
    actions: actionRows(input, areaLabel, reportDate),
    overdueOn: longDate(reportDate),
    sampleRooms: sampleRooms(input, areaLabel),
    issues: [scores.issues, scores.quality.issues, scores.safety.issues, scores.therapeutic.issues, scores.ligature.issues]
      .flat()
      .map((i) => i.message),
  };
}

function domainSummaries(input: WardReportInput, areaLabel: (id: string | null) => string): DomainSummary[] {
  const { scores } = input;
  const questions = new Map(Object.values(input.templates).flatMap((t) => (t.items as { id: string; question: string }[]).map((i) => [i.id, i.question] as const)));
  // The same reasons the walkthrough and sign-off show beside each rating.
  const explained = new Map(explainRatings(scores, input.templates, { area: areaLabel, question: (id) => questions.get(id) }).map((e) => [e.domain, e]));
  return REPORT_DOMAINS.map((domain) => {
    const why = explained.get(domain)!;
    if (domain === 'ligature') {
      const result = scores.ligature;
      const worst = result.points.reduce<null | { score: number; band: RiskBand }>(
        (w, p) => (w === null || p.residual.score > w.score ? { score: p.residual.score, band: p.residual.band } : w),
        null,
      );
      return {
        domain,
        label: DOMAIN_LABELS[domain],
        rating: result.rating,
        ratingLabel: RATING_LABELS[result.rating],
        result: worst ? `${result.summary.pointCount} point${result.summary.pointCount === 1 ? '' : 's'}; worst residual ${worst.score} (${BAND_LABELS[worst.band]})` : 'No ligature points recorded',
        completeness: `${percentText(result.prompts.completeness)} of prompts answered`,
        basis: why.summary,
        gates: why.reasons,
      };
    }
    const result = scores[domain];
    return {
      domain,
      label: DOMAIN_LABELS[domain],
      rating: result.rating,
      ratingLabel: RATING_LABELS[result.rating],
      result: percentText(result.percentage),
      completeness: `${percentText(result.completeness)} answered${result.complete ? '' : ' (incomplete)'}`,
      basis: why.summary,
      gates: why.reasons,
    };
  });
}


function answerText(item: ComplianceItem, value: AnswerValue): string {
  if (typeof value === 'number' && item.response.type === 'number') {
    const band = bandNumber(item.response.banding, value);
    return `${value} ${item.response.unit} (counts as ${ANSWER_LABELS[band]})`;
  }
  return answerLabel(value);
}

function nonCompliantItems(input: WardReportInput, areaLabel: (id: string | null) => string): NonCompliantItem[] {
  const rows: (NonCompliantItem & { order: number })[] = [];
  const photosFor = (answerId: string) =>
    input.photos.filter((p) => p.answerId === answerId).map(thumbnail).filter((t): t is Thumbnail => t !== null);
  (['quality', 'safety', 'therapeutic'] as const).forEach((domain, domainIndex) => {
    const template = input.templates[domain];
    const items = new Map(template.items.map((item, index) => [item.id, { item, index }]));
    for (const answer of input.answers) {
      const found = items.get(answer.itemId);
      if (!found || !fallsShort(found.item, answer.value)) continue;
      rows.push({
        order: domainIndex * 10000 + found.index,
        domain: DOMAIN_LABELS[domain],
        area: areaLabel(answer.areaId),
        itemId: found.item.id,
        question: found.item.question,
        answer: answerText(found.item, answer.value),
        critical: found.item.critical,
        note: answer.note,
        photos: photosFor(answer.id),
      });
    }
  });
  return rows
    .sort((a, b) => a.order - b.order || a.area.localeCompare(b.area, 'en-GB', { numeric: true }))
    .map(({ order: _order, ...row }) => row);
}

/** One line for an action: type, target date and status ("Replace with a tested product by 31 January 2027 (On track)"). */
export function actionLine(action: { type: ActionType; dueDate: string | null; status: ActionStatus }): string {
  return `${ACTION_TYPE_LABELS[action.type]}${action.dueDate ? ` by ${longDate(action.dueDate)}` : ', no date'} (${ACTION_STATUS_LABELS[action.status]})`;
}

/** The tier as scored, saying where the recorded tier or its reason differ from the area's. */
export function tierText(point: { tier: 1 | 2 | 3; tierReason: string | null }, scoredTier: 1 | 2 | 3, tierFromArea: boolean | undefined): string {
  if (tierFromArea) return `${scoredTier} (recorded ${point.tier} without a reason: the area's tier is used)`;
  return point.tierReason ? `${point.tier} (below the area's: ${point.tierReason})` : String(point.tier);
}

function ligatureRows(input: WardReportInput, areaLabel: (id: string | null) => string): LigatureRow[] {
  const areaOfPoint = new Map(input.ligaturePoints.map((p) => [p.id, p.areaId]));
  const copiedNote = (point: ReportLigaturePoint) =>
    point.copiedFromPointId
      ? `Copied from ${areaLabel(areaOfPoint.get(point.copiedFromPointId) ?? null)}; ${point.copyConfirmedAt ? `confirmed here ${longDate(point.copyConfirmedAt)}` : 'not yet confirmed here'}`
      : null;
  const scored = new Map(input.scores.ligature.points.map((p) => [p.pointId, p]));
  const rows: LigatureRow[] = [];
  for (const point of input.ligaturePoints) {
    const s = scored.get(point.id);
    if (!s) continue;
    const actions = input.actions.filter((a) => a.ligaturePointId === point.id);
    const problems = [...input.scores.ligature.gates.filter((g) => g.pointId === point.id).map((g) => g.message), ...input.scores.ligature.issues.filter((i) => i.pointId === point.id && i.code !== 'vigilance_only_control').map((i) => i.message)];
    rows.push({
      area: areaLabel(point.areaId),
      element: point.element,
      description: point.description,
      heightBand: HEIGHT_BAND_LABELS[point.heightBand],
      tier: tierText(point, s.tier, s.tierFromArea),
      controls: point.controls.map((c) => `${CONTROL_KIND_LABELS[c.kind]}${c.description ? `: ${c.description}` : ''}`).join('; ') || 'None recorded',
      confirmation: point.otherControlConfirmedBy
        ? `"Other" control confirmed by ${point.otherControlConfirmedBy}${point.otherControlConfirmedAt ? ` on ${longDate(point.otherControlConfirmedAt)}` : ''} at sign-off`
        : null,
      inherent: { text: `${s.inherent.likelihood} × ${s.inherent.severity} = ${s.inherent.score}`, score: s.inherent.score, band: s.inherent.band, bandLabel: BAND_LABELS[s.inherent.band] },
      residual: { text: `${s.residual.likelihood} × ${s.residual.severity} = ${s.residual.score}`, score: s.residual.score, band: s.residual.band, bandLabel: BAND_LABELS[s.residual.band] },
      actions: actions.length > 0 ? actions.map(actionLine) : ['No action recorded'],
      problems,
      photos: input.photos.filter((p) => p.ligaturePointId === point.id).map(thumbnail).filter((t): t is Thumbnail => t !== null),
      copied: copiedNote(point),
    });
  }
  return rows.sort((a, b) => b.residual.score - a.residual.score || b.tier.localeCompare(a.tier) || a.area.localeCompare(b.area, 'en-GB', { numeric: true }));
}

/** The ligature summary's action figures, with the rule they follow (as the method states it). */
function ligatureFacts(input: WardReportInput): [string, string][] {
  const summary = input.scores.ligature.summary;
  const on = longDate(input.assessment.assessedOn);
  return [
    [`Ligature actions overdue on the assessment date (${on})`, String(summary.overdueActionCount)],
    ['Oldest target date of an open ligature action', summary.oldestOpenActionTargetDate ? longDate(summary.oldestOpenActionTargetDate) : 'None'],
    ['What these count', 'Every action on every ligature point, each counted once; actions on compliance items (quality, safety, therapeutic) are not counted here but are in the action plan below.'],
  ];
}

const PRIORITY_ORDER: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

function actionRows(input: WardReportInput, areaLabel: (id: string | null) => string, reportDate: string): ActionRow[] {
  const answerById = new Map(input.answers.map((a) => [a.id, a]));
  const pointById = new Map(input.ligaturePoints.map((p) => [p.id, p]));
  const allItems = new Map<string, string>();
  for (const template of Object.values(input.templates)) for (const item of template.items as { id: string; question: string }[]) allItems.set(item.id, item.question);
  const finding = (action: ReportAction): string => {
    if (action.ligaturePointId) {
      const point = pointById.get(action.ligaturePointId);
      return point ? `Ligature point: ${point.element} (${areaLabel(point.areaId)})` : 'Ligature point';
    }
    const answer = action.answerId ? answerById.get(action.answerId) : undefined;
    return answer ? `${answer.itemId} ${allItems.get(answer.itemId) ?? ''} (${areaLabel(answer.areaId)})`.trim() : 'Finding';
  };
  return [...input.actions]
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))
    .map((action) => ({
      finding: finding(action),
      type: ACTION_TYPE_LABELS[action.type],
      description: action.description,
      owner: action.owner,
      due: action.dueDate ? longDate(action.dueDate) : 'No date',
      priority: PRIORITY_LABELS[action.priority],
      status: ACTION_STATUS_LABELS[action.status],
      overdue: isActionOverdue(action.status, action.dueDate, reportDate),
    }));
}

/** Areas filled from a sample room, grouped by sample: how much still stands as copied, and each answer that differs. */
function sampleRooms(input: WardReportInput, areaLabel: (id: string | null) => string): SampleRoomSummary[] {
  const bySample = new Map<string, ReportArea[]>();
  for (const area of input.assessment.areas) {
    if (!area.sampleAreaId) continue;
    bySample.set(area.sampleAreaId, [...(bySample.get(area.sampleAreaId) ?? []), area]);
  }
  const answerAt = new Map(input.answers.map((a) => [`${a.itemId}|${a.areaId ?? ''}`, a]));
  const units = new Map(
    Object.values(input.templates).flatMap((t) => (t.items as { id: string; response?: { type: string; unit?: string } }[]).map((i) => [i.id, i.response?.type === 'number' ? i.response.unit : undefined] as const)),
  );
  return [...bySample].map(([sampleId, areas]) => {
    const ids = new Set(areas.map((a) => a.areaId));
    const mine = input.answers.filter((a) => a.areaId !== null && ids.has(a.areaId));
    const differences = mine.flatMap((a) => {
      const sample = answerAt.get(`${a.itemId}|${sampleId}`);
      if (!sample || JSON.stringify(sample.value) === JSON.stringify(a.value)) return [];
      const unit = units.get(a.itemId);
      return [`${areaLabel(a.areaId)}, ${a.itemId}: ${answerLabel(a.value, unit)} (${areaLabel(sampleId)}: ${answerLabel(sample.value, unit)})`];
    });
    const copiedPoints = input.ligaturePoints.filter((p) => ids.has(p.areaId) && p.copiedFromPointId);
    return {
      sample: areaLabel(sampleId),
      areas: areas.map((a) => a.name),
      stillCopied: mine.filter((a) => a.copiedFromAreaId === sampleId).length,
      differences,
      pointsCopied: copiedPoints.length,
      pointsConfirmed: copiedPoints.filter((p) => p.copyConfirmedAt).length,
    };
  });
}
