import type { ExchangeDocument } from './schema';

// The same return as one CSV file per table, for people who work in spreadsheets: RFC 4180
// (comma, CRLF, fields quoted when they hold a comma, quote or line break), UTF-8 with a byte
// order mark so Excel reads accents right, and text cells that a spreadsheet would run as a
// formula (= + - @, tab, carriage return) prefixed with an apostrophe.

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
      ['ward_id', 'site_id', 'name', 'type', 'bed_count', 'sex_designation', 'block', 'eams_block_code'],
      document.wards.map((w) => [w.id, w.siteId, w.name, w.type, w.bedCount, w.sexDesignation, w.block, w.eamsBlockCode]),
    ),
    table(
      'areas',
      ['area_id', 'ward_id', 'name', 'type', 'supervision_tier', 'tier_override_reason', 'eams_room_code'],
      document.areas.map((a) => [a.id, a.wardId, a.name, a.type, a.supervisionTier, a.tierOverrideReason, a.eamsRoomCode]),
    ),
    table(
      'assessments',
      ['assessment_id', 'ward_id', 'round', 'assessed_on', 'announced', 'status', 'signed_off_at', 'signed_off_by', 'previous_assessment_id', 'quality_template', 'safety_template', 'ligature_template', 'therapeutic_template'],
      assessments.map((a) => [a.id, a.wardId, a.round, a.assessedOn, a.announced, a.status, a.signedOffAt, a.signedOffBy, a.previousAssessmentId, a.templates.quality, a.templates.safety, a.templates.ligature, a.templates.therapeutic]),
    ),
    table('assessors', ['assessor_id', 'assessment_id', 'name', 'role', 'position'], assessments.flatMap((a) => a.assessors.map((x) => [x.id, a.id, x.name, x.role, x.position]))),
    table(
      'answers',
      ['answer_id', 'assessment_id', 'item_id', 'area_id', 'value', 'na_reason', 'note', 'assessor_id', 'answered_at'],
      assessments.flatMap((a) => a.answers.map((x) => [x.id, a.id, x.itemId, x.areaId, x.value, x.naReason, x.note, x.assessorId, x.answeredAt])),
    ),
    table(
      'ligature_points',
      ['ligature_point_id', 'assessment_id', 'area_id', 'item_id', 'lineage_id', 'element', 'height_band', 'tier', 'tier_reason', 'description', 'controls', 'likelihood_before', 'severity_before', 'likelihood_after', 'severity_after', 'assessor_id', 'other_control_confirmed_by', 'other_control_confirmed_at'],
      assessments.flatMap((a) =>
        a.ligaturePoints.map((p) => [
          p.id, a.id, p.areaId, p.itemId, p.lineageId, p.element, p.heightBand, p.tier, p.tierReason ?? null, p.description,
          p.controls.map((c) => (c.description ? `${c.kind}: ${c.description}` : c.kind)).join('; '),
          p.likelihoodBefore, p.severityBefore, p.likelihoodAfter, p.severityAfter, p.assessorId, p.otherControlConfirmedBy ?? null, p.otherControlConfirmedAt ?? null,
        ]),
      ),
    ),
    table(
      'actions',
      ['action_id', 'assessment_id', 'answer_id', 'ligature_point_id', 'lineage_id', 'type', 'description', 'owner', 'due_date', 'priority', 'status'],
      assessments.flatMap((a) => a.actions.map((x) => [x.id, a.id, x.answerId, x.ligaturePointId, x.lineageId, x.type, x.description, x.owner, x.dueDate, x.priority, x.status])),
    ),
    table('scores', ['assessment_id', 'ward_id', 'round', 'domain', 'template_id', 'template_version', 'rating', 'rating_basis', 'percentage', 'completeness', 'complete', 'scoring_engine'], assessments.flatMap(scoreRows)),
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
      a.id, a.wardId, a.round, domain, result[domain].templateId, result[domain].templateVersion, result[domain].rating,
      typeof d['ratingBasis'] === 'string' ? d['ratingBasis'] : null,
      number(d['percentage']), number(completeness), typeof complete === 'boolean' ? complete : null, a.scores.engine,
    ];
    return row;
  });
}
