import { WARD_TYPE_LABELS, type WardType } from '../domain/estate';
import { RISK_BANDS, type RiskBand } from '../scoring/ligature-risk';
import { RATINGS, type Rating, type RatingCounts } from '../scoring/rating';
import { BAND_LABELS, DOMAIN_LABELS, RATING_COLOURS, RATING_LABELS, REPORT_DOMAINS, TIER_COLOURS } from './labels';
import type { BandTierCounts } from '../scoring/ligature-summary';
import type { Domain } from '../templates/schema';

// Charts as plain SVG text, so any renderer (pdfmake's svg node, a browser) can draw them. Every
// segment carries its count as text and every chart has a legend with words: colour is never the
// only way to read a chart, and the same figures are in the report's tables.

const FONT = 'font-family="Roboto" font-size="8"';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

interface Segment {
  value: number;
  fill: string;
  text: string;
}

function stackedBar(x: number, y: number, width: number, height: number, total: number, segments: Segment[]): string {
  if (total === 0) return `<text x="${x + 2}" y="${y + height - 3}" ${FONT} fill="#4c6272">none</text>`;
  let at = x;
  return segments
    .filter((s) => s.value > 0)
    .map((s) => {
      const w = (s.value / total) * width;
      const label = w >= 10 ? `<text x="${at + w / 2}" y="${y + height - 3.5}" ${FONT} fill="${s.text}" text-anchor="middle">${s.value}</text>` : '';
      const rect = `<rect x="${at}" y="${y}" width="${w}" height="${height}" fill="${s.fill}" stroke="#ffffff" stroke-width="0.5"/>`;
      at += w;
      return rect + label;
    })
    .join('');
}

function legend(x: number, y: number, entries: { label: string; fill: string }[]): string {
  let at = x;
  return entries
    .map((e) => {
      const item = `<rect x="${at}" y="${y}" width="8" height="8" fill="${e.fill}" stroke="#4c6272" stroke-width="0.3"/><text x="${at + 11}" y="${y + 7}" ${FONT} fill="#212b32">${escapeXml(e.label)}</text>`;
      at += 16 + e.label.length * 4.4;
      return item;
    })
    .join('');
}

export interface RatingsByWardType {
  wardType: WardType;
  counts: Record<Domain, RatingCounts>;
}

/** For each ward type, one stacked bar per domain: how many wards are red, amber, green, not rated. */
export function ratingsByWardTypeChart(rows: readonly RatingsByWardType[], width = 515): { svg: string; width: number; height: number } {
  const labelWidth = 150;
  const domainLabelWidth = 95;
  const barWidth = width - labelWidth - domainLabelWidth - 10;
  const barHeight = 11;
  const groupGap = 8;
  const groupHeight = REPORT_DOMAINS.length * (barHeight + 2) + groupGap;
  const top = 18;
  const height = top + rows.length * groupHeight + 4;
  const totalOf = (counts: RatingCounts) => RATINGS.reduce((sum, r) => sum + counts[r], 0);
  // Bars share one scale (the largest group), so a ward type with more wards has a longer bar.
  const most = Math.max(1, ...rows.flatMap((row) => REPORT_DOMAINS.map((d) => totalOf(row.counts[d]))));
  const parts: string[] = [legend(0, 0, RATINGS.map((r) => ({ label: RATING_LABELS[r], fill: RATING_COLOURS[r].fill })))];
  rows.forEach((row, i) => {
    const y0 = top + i * groupHeight;
    parts.push(`<text x="0" y="${y0 + 10}" ${FONT} font-weight="bold" fill="#212b32">${escapeXml(shortWardType(row.wardType))}</text>`);
    REPORT_DOMAINS.forEach((domain, j) => {
      const y = y0 + j * (barHeight + 2);
      const counts = row.counts[domain];
      const total = totalOf(counts);
      parts.push(`<text x="${labelWidth}" y="${y + barHeight - 3}" ${FONT} fill="#212b32">${escapeXml(DOMAIN_LABELS[domain])}</text>`);
      parts.push(
        stackedBar(
          labelWidth + domainLabelWidth,
          y,
          (total / most) * barWidth,
          barHeight,
          total,
          (['red', 'amber', 'green', 'not_rated'] as Rating[]).map((r) => ({ value: counts[r], fill: RATING_COLOURS[r].fill, text: RATING_COLOURS[r].text })),
        ),
      );
    });
  });
  return { svg: wrap(width, height, parts), width, height };
}

/** One horizontal bar per residual band, split by supervision tier, with counts. */
export function ligatureBandTierChart(counts: BandTierCounts, width = 515): { svg: string; width: number; height: number } {
  const labelWidth = 80;
  const barHeight = 16;
  const top = 18;
  const totals = RISK_BANDS.map((band: RiskBand) => counts[band].tier1 + counts[band].tier2 + counts[band].tier3);
  const max = Math.max(1, ...totals);
  const scaleWidth = width - labelWidth - 40;
  const height = top + RISK_BANDS.length * (barHeight + 6) + 4;
  const parts: string[] = [
    legend(0, 0, ([1, 2, 3] as const).map((t) => ({ label: `Tier ${t}`, fill: TIER_COLOURS[t].fill }))),
  ];
  RISK_BANDS.forEach((band, i) => {
    const y = top + i * (barHeight + 6);
    const total = totals[i] ?? 0;
    parts.push(`<text x="0" y="${y + barHeight - 4}" ${FONT} font-weight="bold" fill="#212b32">${BAND_LABELS[band]}</text>`);
    const w = (total / max) * scaleWidth;
    parts.push(
      stackedBar(
        labelWidth,
        y,
        w,
        barHeight,
        total,
        ([1, 2, 3] as const).map((t) => ({ value: counts[band][`tier${t}`], fill: TIER_COLOURS[t].fill, text: TIER_COLOURS[t].text })),
      ),
    );
    if (total > 0) parts.push(`<text x="${labelWidth + w + 4}" y="${y + barHeight - 4}" ${FONT} fill="#212b32">${total}</text>`);
  });
  return { svg: wrap(width, height, parts), width, height };
}

/** "IPCU" for "Intensive psychiatric care unit (IPCU)": chart labels must fit their column. */
function shortWardType(type: WardType): string {
  const label = WARD_TYPE_LABELS[type];
  return /\(([^)]+)\)$/.exec(label)?.[1] ?? label;
}

function wrap(width: number, height: number, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
