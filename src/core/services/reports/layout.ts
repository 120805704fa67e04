import type { Content, ContextPageSize, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BAND_COLOURS, RATING_COLOURS, draftStatement, longDate, type ReportMeta } from '../../../shared/reports';
import type { RiskBand } from '../../../shared/scoring';
import type { Rating } from '../../../shared/scoring';

// What every report page shares: A4, Roboto (embedded, so names such as "Łódź" print correctly),
// a footer with page numbers, the generation date, the checklist versions, the app and whether
// draft work is included.

export const NHS_BLUE = '#005eb8';
export const TEXT = '#212b32';
export const SECONDARY = '#4c6272';

export const STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, color: TEXT, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 11, color: SECONDARY, margin: [0, 0, 0, 12] },
  h2: { fontSize: 13, bold: true, color: NHS_BLUE, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10.5, bold: true, color: TEXT, margin: [0, 8, 0, 4] },
  th: { bold: true, fontSize: 8, color: TEXT, fillColor: '#e8edee' },
  small: { fontSize: 7.5, color: SECONDARY },
  body: { fontSize: 9, lineHeight: 1.15, margin: [0, 0, 0, 6] },
  draftBanner: { fontSize: 9, bold: true, color: TEXT, fillColor: '#fff9c4' },
};

export function reportDocument(meta: ReportMeta, title: string, content: Content[]): TDocumentDefinitions {
  const generated = `Generated ${longDate(meta.generatedAt)} ${meta.generatedAt.slice(11, 16)} UTC by ${meta.appName} ${meta.appVersion}`;
  return {
    info: { title, creator: meta.appName, producer: `${meta.appName} ${meta.appVersion}`, subject: draftStatement(meta) },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 62],
    defaultStyle: { font: 'Roboto', fontSize: 9, color: TEXT },
    styles: STYLES,
    content,
    // A heading is never left at the foot of a page without what it heads: one in the last
    // eighth of the page, or with nothing after it there, starts the next page.
    pageBreakBefore: (node, queries) =>
      (node.style === 'h2' || node.style === 'h3') && (node.startPosition.verticalRatio > 0.875 || queries.getFollowingNodesOnPage().length === 0),
    footer: (currentPage: number, pageCount: number, _pageSize: ContextPageSize): Content => ({
      margin: [40, 8, 40, 0],
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5, lineColor: '#aeb7bd' }] },
        {
          columns: [
            { text: `${title}`, style: 'small', width: '*', margin: [0, 3, 0, 0] },
            { text: `Page ${currentPage} of ${pageCount}`, style: 'small', bold: true, width: 'auto', alignment: 'right', margin: [0, 3, 0, 0] },
          ],
        },
        { text: generated, style: 'small' },
        { text: `Checklist versions: ${meta.templateVersions.join(', ') || 'none'}`, style: 'small' },
        { text: draftStatement(meta), style: 'small', bold: meta.includesDraft, color: meta.includesDraft ? '#8a1538' : SECONDARY },
      ],
    }),
  };
}

/** A table cell showing a rating as its word (and optional detail) on the rating's colour. */
export function ratingCell(rating: Rating, label: string, detail?: string): TableCell {
  const colour = RATING_COLOURS[rating];
  return {
    text: detail ? [{ text: label, bold: true }, { text: `\n${detail}`, fontSize: 7.5 }] : { text: label, bold: true },
    fillColor: colour.fill,
    color: colour.text,
  };
}

export function bandCell(band: RiskBand, text: string): TableCell {
  const colour = BAND_COLOURS[band];
  return { text, fillColor: colour.fill, color: colour.text, bold: true };
}

export function th(text: string): TableCell {
  return { text, style: 'th' };
}

/** A light table layout: thin grey rules, a little padding, header repeated on each page. */
export const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#aeb7bd',
  vLineColor: () => '#aeb7bd',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function table(widths: (string | number)[], header: string[], rows: TableCell[][], emptyText: string): Content {
  if (rows.length === 0) return { text: emptyText, style: 'body', italics: true };
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [header.map(th), ...rows] },
    layout: TABLE_LAYOUT,
    fontSize: 8,
    margin: [0, 0, 0, 8],
  };
}

/** Label and value pairs; a pair never splits across a page. */
export function keyValues(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], dontBreakRows: true, body: rows.map(([k, v]) => [{ text: k, bold: true }, { text: v }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

export function draftBanner(includesDraft: boolean): Content[] {
  if (!includesDraft) return [];
  return [
    {
      table: {
        widths: ['*'],
        body: [[{ text: 'Includes draft assessments that are not signed off: figures may still change.', style: 'draftBanner', margin: [4, 4, 4, 4] }]],
      },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => '#ffb81c', vLineColor: () => '#ffb81c' },
      margin: [0, 0, 0, 10],
    },
  ];
}
