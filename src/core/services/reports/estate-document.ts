import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DOMAIN_LABELS, REPORT_DOMAINS, type EstateReport } from '../../../shared/reports';
import { RATINGS } from '../../../shared/scoring';
import { bandCell, draftBanner, keyValues, ratingCell, reportDocument, table, TABLE_LAYOUT, th } from './layout';

// The site report and the board's consolidated estate report laid out for pdfmake.

export function estateDocument(report: EstateReport): TDocumentDefinitions {
  const content: Content[] = [
    { text: report.title, style: 'title' },
    { text: report.subtitle, style: 'subtitle' },
    ...draftBanner(report.meta.includesDraft),
    { text: 'Scope', style: 'h2' },
    keyValues([...report.scope, ['Checklist versions', report.meta.templateVersions.join(', ') || 'none']]),
    ...(report.notAssessed.length > 0
      ? [
          { text: `Not assessed in this round (${report.notAssessed.length})`, style: 'h3' } as Content,
          { text: report.notAssessed.join(', '), style: 'body' } as Content,
        ]
      : []),
    { text: 'Method', style: 'h2' },
    ...report.method.map((p): Content => ({ text: p, style: 'body' })),

    { text: 'Ratings at a glance', style: 'h2' },
    table(
      ['*', 45, 45, 45, 50, 60, 80],
      ['Domain', 'Red', 'Amber', 'Green', 'Not rated', 'Median', 'Range'],
      report.domainSummary.map((d): TableCell[] => [
        { text: d.domain, bold: true },
        ...RATINGS.filter((r) => r !== 'not_rated').map((r) => String(d.counts[r])),
        String(d.counts.not_rated),
        d.median,
        d.range,
      ]),
      'No ward has been assessed yet.',
    ),
    { text: 'Heat map: wards × domains', style: 'h3' },
    heatmap(report),
    { text: 'Each cell gives the rating in words with its colour; compliance cells show the percentage ("gate" when a critical item failed), ligature cells the extreme and high residual points.', style: 'small' },

    { text: 'Charts', style: 'h2' },
    { text: 'Ratings by ward type (number of wards)', style: 'h3' },
    report.charts.ratingsByWardType ? { svg: report.charts.ratingsByWardType.svg, width: report.charts.ratingsByWardType.width } : { text: 'No wards assessed.', italics: true },
    { text: 'Residual ligature points by band and supervision tier', style: 'h3', margin: [0, 14, 0, 4] },
    report.charts.ligatureByBandAndTier ? { svg: report.charts.ligatureByBandAndTier.svg, width: report.charts.ligatureByBandAndTier.width } : { text: 'No wards assessed.', italics: true },
    table(
      ['*', 60, 60, 60, 60],
      ['Residual band', 'Tier 1', 'Tier 2', 'Tier 3', 'Total'],
      report.ligatureTable.map((r): TableCell[] => [{ text: r.band, bold: true }, String(r.tier1), String(r.tier2), String(r.tier3), { text: String(r.total), bold: true }]),
      'No ligature points.',
    ),
    keyValues(report.ligatureFacts),

    { text: report.topRisks.length > 0 ? `Top ${report.topRisks.length} residual ligature risks` : 'Top residual ligature risks', style: 'h2' },
    table(
      [80, 70, '*', 24, 62, 110],
      ['Ward', 'Area', 'Element', 'Tier', 'Residual L×S', 'Action'],
      report.topRisks.map((r): TableCell[] => [
        { text: [{ text: r.ward, bold: true }, { text: `\n${r.site}`, fontSize: 7 }] },
        r.area,
        r.element,
        String(r.tier),
        bandCell(r.band, `${r.residual}\n${r.bandLabel}`),
        r.action,
      ]),
      'No ligature points recorded in the wards assessed.',
    ),

    { text: 'Action plan status', style: 'h2' },
    {
      text: `${report.actionTotals.total} actions, on ligature points and compliance items alike: ${report.actionTotals.open} not complete, of which ${report.actionTotals.overdue} overdue (marked overdue or past their due date on the date of this report; listed below).`,
      style: 'body',
    },
    { text: 'By the status recorded on each action', style: 'small', margin: [0, 0, 0, 2] },
    table(
      report.actionStatus.map(() => '*'),
      report.actionStatus.map((s) => s.status),
      [report.actionStatus.map((s): TableCell => ({ text: String(s.count), alignment: 'center' }))],
      'No actions.',
    ),
    { text: `Overdue actions (${report.overdue.length})`, style: 'h3' },
    table(
      [80, '*', 70, 60, 45, 45],
      ['Ward', 'Finding and action', 'Owner', 'Due', 'Priority', 'Status'],
      report.overdue.map((a): TableCell[] => [
        { text: [{ text: a.ward, bold: true }, { text: `\n${a.site}`, fontSize: 7 }] },
        { stack: [{ text: a.finding, bold: true }, a.description] },
        a.owner,
        { text: [a.due, { text: '\nOVERDUE', bold: true, color: '#d5281b' }] },
        a.priority,
        a.status,
      ]),
      'No action is overdue.',
    ),

    { text: `Change since the previous round${report.change.previousRound ? ` (${report.change.previousRound})` : ''}`, style: 'h2' },
    report.change.previousRound === null
      ? { text: 'No earlier round has been assessed in this scope, so there is nothing to compare with yet.', style: 'body' }
      : change(report),
    ...(report.change.previousRound === null
      ? []
      : [{ text: '"New" means the ward was not assessed in the previous round. "Not rated" counts as worse than amber: an unknown is not a pass.', style: 'small' } as Content]),
  ];
  return reportDocument(report.meta, report.title, content);
}

function heatmap(report: EstateReport): Content {
  if (report.heatmap.length === 0) return { text: 'No ward has been assessed in this round.', italics: true };
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', 58, ...REPORT_DOMAINS.map(() => 62)],
      body: [
        [th('Ward'), th('Status'), ...REPORT_DOMAINS.map((d) => th(DOMAIN_LABELS[d]))],
        ...report.heatmap.map((row): TableCell[] => [
          { text: [{ text: row.ward, bold: true }, { text: `\n${row.site} · ${row.wardType}`, fontSize: 7 }] },
          row.status,
          ...row.cells.map((c) => ratingCell(c.rating, c.label, c.detail)),
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
    fontSize: 8,
    margin: [0, 0, 0, 4],
  };
}

function change(report: EstateReport): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', ...REPORT_DOMAINS.map(() => 82)],
      body: [
        [th('Ward'), ...REPORT_DOMAINS.map((d) => th(DOMAIN_LABELS[d]))],
        ...report.change.rows.map((row): TableCell[] => [
          { text: [{ text: row.ward, bold: true }, { text: `\n${row.site}`, fontSize: 7 }] },
          ...row.cells.map((c): TableCell => ({
            text: c.text,
            fillColor: c.direction === 'worse' ? '#fbe9e7' : c.direction === 'better' ? '#e6f4ea' : undefined,
            bold: c.direction === 'worse',
          })),
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
    fontSize: 8,
    margin: [0, 0, 0, 4],
  };
}
