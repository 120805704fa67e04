import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { WardReport } from '../../../shared/reports';
import { bandCell, draftBanner, keyValues, ratingCell, reportDocument, table, TABLE_LAYOUT, th } from './layout';
import { reportPhoto } from './photos';

// The ward report laid out for pdfmake: details, the four ratings, every shortfall with its notes
// and photos, the ligature register and the action plan.

export function wardDocument(report: WardReport): TDocumentDefinitions {
  const content: Content[] = [
    { text: report.title, style: 'title' },
    ...draftBanner(report.meta.includesDraft),
    keyValues(report.details),
    { text: 'Ratings', style: 'h2' },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [95, 62, 110, 95, '*'],
        body: [
          ['Domain', 'Rating', 'Result', 'Completeness', 'Why'].map(th),
          ...report.domains.map((d): TableCell[] => [
            { text: d.label, bold: true },
            ratingCell(d.rating, d.ratingLabel),
            d.result,
            d.completeness,
            d.gates.length > 0 ? { stack: [d.basis, { ul: d.gates, fontSize: 7.5, margin: [0, 2, 0, 0] }] } : d.basis,
          ]),
        ],
      },
      layout: TABLE_LAYOUT,
      fontSize: 8.5,
    },
    { text: 'The four ratings stand side by side; they are never averaged into one figure.', style: 'small', margin: [0, 3, 0, 0] },
    ...sampleRoomSection(report),
    { text: `Items that fall short (${report.nonCompliant.length})`, style: 'h2' },
    table(
      [70, 60, '*', 60, 120],
      ['Area', 'Domain', 'Item', 'Answer', 'Note and photos'],
      report.nonCompliant.map((item): TableCell[] => [
        item.area,
        item.domain,
        { text: [{ text: `${item.itemId} `, bold: true }, item.question, ...(item.critical ? [{ text: ' (critical)', bold: true }] : [])] },
        { text: item.answer, bold: true },
        {
          stack: [
            item.note ? { text: item.note } : { text: 'No note', italics: true, color: '#4c6272' },
            ...item.photos.flatMap((p): Content[] => [
              reportPhoto(p, 110, 80),
              ...(p.caption ? [{ text: p.caption, style: 'small' } as Content] : []),
            ]),
          ],
        },
      ]),
      'No item falls short: every answered item is fully met.',
    ),
    { text: `Ligature register (${report.ligature.length} point${report.ligature.length === 1 ? '' : 's'}, highest residual risk first)`, style: 'h2' },
    table(
      [58, 80, 40, 40, '*', 50, 50, 88],
      ['Area', 'Element', 'Height', 'Tier', 'Controls', 'Inherent L×S', 'Residual L×S', 'Actions'],
      report.ligature.map((row): TableCell[] => [
        row.area,
        {
          stack: [
            { text: row.element, bold: true },
            { text: row.description, fontSize: 7 },
            ...row.problems.map((p): Content => ({ text: p, fontSize: 7, bold: true, color: '#d5281b', margin: [0, 2, 0, 0] })),
            ...(row.copied ? [{ text: row.copied, fontSize: 7, italics: true } as Content] : []),
            ...row.photos.flatMap((p): Content[] => [reportPhoto(p, 75, 55), ...(p.caption ? [{ text: p.caption, fontSize: 6.5 } as Content] : [])]),
          ],
        },
        row.heightBand,
        row.tier,
        row.confirmation ? { stack: [row.controls, { text: row.confirmation, fontSize: 7, italics: true, margin: [0, 2, 0, 0] }] } : row.controls,
        bandCell(row.inherent.band, `${row.inherent.text}\n${row.inherent.bandLabel}`),
        bandCell(row.residual.band, `${row.residual.text}\n${row.residual.bandLabel}`),
        { ul: row.actions, fontSize: 7.5 },
      ]),
      'No ligature points recorded.',
    ),
    { text: 'L × S: likelihood × severity, each 1 to 5. Bands: low 1–3, moderate 4–6, high 8–12, extreme 15–25. The tier sets a floor under likelihood. Every action on a point counts.', style: 'small' },
    keyValues(report.ligatureFacts),
    { text: `Action plan (${report.actions.length})`, style: 'h2' },
    { text: `Every action, ligature and compliance alike. "Overdue": not complete, and marked overdue or past its due date on ${report.overdueOn}, the date of this report.`, style: 'small', margin: [0, 0, 0, 3] },
    table(
      ['*', 70, 60, 62, 40, 55],
      ['Finding and action', 'Type', 'Owner', 'Due', 'Priority', 'Status'],
      report.actions.map((a): TableCell[] => [
        { stack: [{ text: a.finding, bold: true }, a.description] },
        a.type,
        a.owner,
        a.overdue ? { text: [a.due, { text: '\nOVERDUE', bold: true, color: '#d5281b' }] } : a.due,
        a.priority,
        a.status,
      ]),
      'No actions recorded.',
    ),
  ];
  if (report.issues.length > 0) {
    content.push({ text: 'Scoring notes', style: 'h3' }, { ul: report.issues, style: 'small' });
  }
  return reportDocument(report.meta, report.title, content);
}

/** Areas assessed as a sample room: which, how much stands as copied, and every answer that differs. */
function sampleRoomSection(report: WardReport): Content[] {
  if (report.sampleRooms.length === 0) return [];
  return [
    { text: 'Areas assessed as a sample room', style: 'h2' },
    {
      text: 'Rooms built to one design were filled from a fully answered sample room and then checked for what differs. An answer still as copied was not answered again in that room; ligature points copied from the sample are each confirmed in their own room.',
      style: 'body',
    },
    ...report.sampleRooms.flatMap((s): Content[] => [
      { text: `As ${s.sample}: ${s.areas.join(', ')}`, style: 'h3' },
      {
        ul: [
          `${s.stillCopied} answer${s.stillCopied === 1 ? '' : 's'} still as copied from ${s.sample}.`,
          s.differences.length === 0 ? `No answer differs from ${s.sample}.` : `${s.differences.length} answer${s.differences.length === 1 ? ' differs' : 's differ'} from ${s.sample}:`,
          ...(s.pointsCopied > 0 ? [`${s.pointsCopied} ligature point${s.pointsCopied === 1 ? '' : 's'} copied from ${s.sample}; ${s.pointsConfirmed} confirmed in ${s.pointsCopied === 1 ? 'its' : 'their'} own room.`] : []),
        ],
        style: 'body',
      },
      ...(s.differences.length > 0 ? [{ ul: s.differences, style: 'small', margin: [12, 0, 0, 6] } as Content] : []),
    ]),
  ];
}
