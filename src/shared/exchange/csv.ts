import { ASSESSOR_ROLE_LABELS } from '../domain/assessment-schemas';
import { AREA_TYPE_LABELS, SEX_DESIGNATION_LABELS, WARD_TYPE_LABELS } from '../domain/estate';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, CONTROL_KIND_LABELS, DOMAIN_LABELS, HEIGHT_BAND_LABELS, PRIORITY_LABELS, RATING_LABELS, answerLabel } from '../vocabulary';
import type { ExchangeDocument } from './schema';

// The same return as one CSV file per table, for people who work in spreadsheets: RFC 4180
// (comma, CRLF, fields quoted when they hold a comma, quote or line break), UTF-8 with a byte
// order mark so Excel reads accents right, and text cells that a spreadsheet would run as a
// formula (= + - @, tab, carriage return) prefixed with an apostrophe. Every stored code (a
// type, an answer, a status) has a *_label column beside it in the app's one vocabulary, so a
// person reads words and a program still has the codes.

export interface CsvFile {
  fileName: string;
  content: string;
}

type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function returnCsvFiles(document: ExchangeDocument): CsvFile[] {
  const assessments = document.assessments;
  const table = (name: string, header: string[], rows: Cell[][]): CsvFile => ({ fileName: `${name}.csv`, content: csvTable(header, rows) });
  return [
    table('boards', ['board_id', 'name', 'code'], [[document.board.id, document.board.name, document.board.code]]),
    table('sites', ['site_id', 'board_id', 'name', 'eams_site_code'], document.sites.map((s) => [s.id, s.boardId, s.name, s.eamsSiteCode])),
    table(
      'wards',
      ['ward_id', 'site_id', 'name', 'type', 'type_label', 'bed_count', 'sex_designation', 'sex_designation_label', 'block', 'eams_block_code'],
      document.wards.map((w) => [w.id, w.siteId, w.name, w.type, WARD_TYPE_LABELS[w.type], w.bedCount, w.sexDesignation, SEX_DESIGNATION_LABELS[w.sexDesignation], w.block, w.eamsBlockCode]),
    ),
    table(
      'areas',
      ['area_id', 'ward_id', 'name', 'type', 'type_label', 'supervision_tier', 'tier_override_reason', 'eams_room_code'],
      document.areas.map((a) => [a.id, a.wardId, a.name, a.type, AREA_TYPE_LABELS[a.type], a.supervisionTier, a.tierOverrideReason, a.eamsRoomCode]),
    ),
    table(
      'assessments',
      ['assessment_id', 'ward_id', 'round', 'assessed_on', 'announced', 'status', 'signed_off_at', 'signed_off_by', 'previous_assessment_id', 'quality_template', 'safety_template', 'ligature_template', 'therapeutic_template'],
      assessments.map((a) => [a.id, a.wardId, a.round, a.assessedOn, a.announced, a.status, a.signedOffAt, a.signedOffBy, a.previousAssessmentId, a.templates.quality, a.templates.safety, a.templates.ligature, a.templates.therapeutic]),
    ),
    table('assessors', ['assessor_id', 'assessment_id', 'name', 'role', 'role_label', 'position'], assessments.flatMap((a) => a.assessors.map((x) => [x.id, a.id, x.name, x.role, ASSESSOR_ROLE_LABELS[x.role], x.position]))),
    table(
      'assessment_areas',
      ['assessment_id', 'area_id', 'name', 'type', 'type_label', 'supervision_tier', 'sample_area_id'],
      assessments.flatMap((a) => a.areas.map((x) => [a.id, x.areaId, x.name, x.type, AREA_TYPE_LABELS[x.type], x.supervisionTier, x.sampleAreaId ?? null])),
    ),
    table(
      'answers',
      ['answer_id', 'assessment_id', 'item_id', 'area_id', 'value', 'value_label', 'na_reason', 'note', 'assessor_id', 'answered_at', 'copied_from_area_id'],
      assessments.flatMap((a) => a.answers.map((x) => [x.id, a.id, x.itemId, x.areaId, x.value, answerLabel(x.value), x.naReason, x.note, x.assessorId, x.answeredAt, x.copiedFromAreaId ?? null])),
    ),
    table(
      'ligature_points',
      ['ligature_point_id', 'assessment_id', 'area_id', 'item_id', 'lineage_id', 'element', 'height_band', 'height_band_label', 'tier', 'tier_reason', 'description', 'controls', 'likelihood_before', 'severity_before', 'likelihood_after', 'severity_after', 'assessor_id', 'other_control_confirmed_by', 'other_control_confirmed_at', 'copied_from_point_id', 'copy_confirmed_at'],
      assessments.flatMap((a) =>
        a.ligaturePoints.map((p) => [
          p.id, a.id, p.areaId, p.itemId, p.lineageId, p.element, p.heightBand, HEIGHT_BAND_LABELS[p.heightBand], p.tier, p.tierReason ?? null, p.description,
          p.controls.map((c) => (c.description ? `${CONTROL_KIND_LABELS[c.kind]}: ${c.description}` : CONTROL_KIND_LABELS[c.kind])).join('; '),
          p.likelihoodBefore, p.severityBefore, p.likelihoodAfter, p.severityAfter, p.assessorId, p.otherControlConfirmedBy ?? null, p.otherControlConfirmedAt ?? null, p.copiedFromPointId ?? null, p.copyConfirmedAt ?? null,
        ]),
      ),
    ),
    table(
      'actions',
      ['action_id', 'assessment_id', 'answer_id', 'ligature_point_id', 'lineage_id', 'type', 'type_label', 'description', 'owner', 'due_date', 'priority', 'priority_label', 'status', 'status_label'],
      assessments.flatMap((a) =>
        a.actions.map((x) => [x.id, a.id, x.answerId, x.ligaturePointId, x.lineageId, x.type, ACTION_TYPE_LABELS[x.type], x.description, x.owner, x.dueDate, x.priority, PRIORITY_LABELS[x.priority], x.status, ACTION_STATUS_LABELS[x.status]]),
      ),
    ),
    table(
      'scores',
      ['assessment_id', 'ward_id', 'round', 'domain', 'domain_label', 'template_id', 'template_version', 'rating', 'rating_label', 'rating_basis', 'percentage', 'completeness', 'complete', 'scoring_engine'],
      assessments.flatMap(scoreRows),
    ),
  ];
}

function scoreRows(a: ExchangeDocument['assessments'][number]): Cell[][] {
  const result = a.scores.result;
  return (['quality', 'safety', 'ligature', 'therapeutic'] as const).map((domain) => {
    const d = result[domain] as Record<string, unknown>;
    const prompts = (d['prompts'] ?? {}) as Record<string, unknown>;
    const number = (v: unknown) => (typeof v === 'number' ? v : null);
    const completeness = domain === 'ligature' ? prompts['completeness'] : d['completeness'];
    const complete = domain === 'ligature' ? prompts['complete'] : d['complete'];
    const row: Cell[] = [
      a.id, a.wardId, a.round, domain, DOMAIN_LABELS[domain], result[domain].templateId, result[domain].templateVersion, result[domain].rating, RATING_LABELS[result[domain].rating],
      typeof d['ratingBasis'] === 'string' ? d['ratingBasis'] : null,
      number(d['percentage']), number(completeness), typeof complete === 'boolean' ? complete : null, a.scores.engine,
    ];
    return row;
  });
}
