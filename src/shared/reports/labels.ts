import { londonDateOf } from '../dates';
import type { Rating } from '../scoring/rating';
import type { RiskBand } from '../scoring/ligature-risk';
import type { Domain } from '../templates/schema';

export {
  ACTION_STATUS_LABELS,
  ACTION_TYPE_LABELS,
  ANSWER_LABELS,
  CONTROL_KIND_LABELS,
  DOMAIN_LABELS,
  HEIGHT_BAND_LABELS,
  PRIORITY_LABELS,
  RATING_LABELS,
  RISK_BAND_LABELS as BAND_LABELS,
} from '../vocabulary';

// Colours for reports; the words are the app's one vocabulary (../vocabulary), re-exported here.
// A colour is never the only signal: every coloured cell also carries its rating word, so a
// report printed in black and white still reads correctly.

export const REPORT_DOMAINS = ['quality', 'safety', 'ligature', 'therapeutic'] as const satisfies readonly Domain[];

/** Fill and text colour per rating (NHS palette; text contrast at least 4.5:1 on the fill). */
export const RATING_COLOURS: Record<Rating, { fill: string; text: string }> = {
  red: { fill: '#d5281b', text: '#ffffff' },
  amber: { fill: '#ffb81c', text: '#212b32' },
  green: { fill: '#007f3b', text: '#ffffff' },
  not_rated: { fill: '#d8dde0', text: '#212b32' },
};

export const BAND_COLOURS: Record<RiskBand, { fill: string; text: string }> = {
  low: { fill: '#007f3b', text: '#ffffff' },
  moderate: { fill: '#ffb81c', text: '#212b32' },
  high: { fill: '#ed8b00', text: '#212b32' },
  extreme: { fill: '#d5281b', text: '#ffffff' },
};

/** Shades of NHS blue for supervision tiers 1–3 in charts (darker = less supervised). */
export const TIER_COLOURS: Record<1 | 2 | 3, { fill: string; text: string }> = {
  1: { fill: '#aed1f0', text: '#212b32' },
  2: { fill: '#41b6e6', text: '#212b32' },
  3: { fill: '#005eb8', text: '#ffffff' },
};

/** "12 March 2027" from an ISO date, or from a timestamp by its calendar date in Europe/London. */
export function longDate(iso: string): string {
  const date = iso.length > 10 && !Number.isNaN(Date.parse(iso)) ? londonDateOf(iso) : iso.slice(0, 10);
  const [y, m, d] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (!y || !m || !d) return iso;
  return `${d} ${months[m - 1]} ${y}`;
}

export function percentText(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}
