import { bandNumber } from '../scoring/compliance-values';
import { percentToTenth } from '../scoring/numbers';
import type { ComplianceItem } from '../templates/item-schema';
import { ANSWER_LABELS } from '../vocabulary';

// Number questions as the assessor types them: what the figure counts as, and the figures the
// estate register already knows.

type NumberResponse = Extract<ComplianceItem['response'], { type: 'number' }>;

/** "30 % counts as No — critical item: below its partial cut-off, the domain is red." */
export function numberBandingText(item: Pick<ComplianceItem, 'critical'> & { response: NumberResponse }, value: number): string {
  const { banding, unit } = item.response;
  const band = bandNumber(banding, value);
  const cutOffs =
    banding.direction === 'higher_is_better'
      ? `Yes from ${banding.yes} ${unit}, Partial from ${banding.partial} ${unit}`
      : `Yes up to ${banding.yes} ${unit}, Partial up to ${banding.partial} ${unit}`;
  const gate = band === 'no' && item.critical ? ' — critical item: this makes the domain red' : '';
  return `${value} ${unit} counts as ${ANSWER_LABELS[band]}${gate} (${cutOffs}).`;
}

/** A figure the estate register gives for a number question, and where it comes from. */
export interface RegisterFigure {
  value: number;
  source: string;
}

interface RegisterWard {
  bedCount: number;
}

interface RegisterArea {
  type: string;
}

/**
 * The questions whose figure follows from the register, by template and item: the share of beds
 * in single bedrooms (each bedroom area of the register counted as one single bedroom) and the
 * share of those bedrooms with an en-suite (en-suite areas of the register).
 */
const FIGURES: Record<string, (ward: RegisterWard, areas: readonly RegisterArea[]) => RegisterFigure | null> = {
  'quality:Q06': (ward, areas) => {
    const bedrooms = areas.filter((a) => a.type === 'bedroom').length;
    if (ward.bedCount < 1) return null;
    const single = Math.min(bedrooms, ward.bedCount);
    return {
      value: percentToTenth(single, ward.bedCount),
      source: `the register lists ${bedrooms} bedroom${bedrooms === 1 ? '' : 's'} for ${ward.bedCount} bed${ward.bedCount === 1 ? '' : 's'} (each bedroom taken as a single room)`,
    };
  },
  'quality:Q07': (_ward, areas) => {
    const bedrooms = areas.filter((a) => a.type === 'bedroom').length;
    const ensuites = areas.filter((a) => a.type === 'en_suite').length;
    if (bedrooms === 0) return null;
    return {
      value: percentToTenth(Math.min(ensuites, bedrooms), bedrooms),
      source: `the register lists ${ensuites} en-suite${ensuites === 1 ? '' : 's'} for ${bedrooms} bedroom${bedrooms === 1 ? '' : 's'}`,
    };
  },
};

export function registerFigure(templateId: string, itemId: string, ward: RegisterWard, areas: readonly RegisterArea[]): RegisterFigure | null {
  return FIGURES[`${templateId}:${itemId}`]?.(ward, areas) ?? null;
}

/** Why a recorded figure disagrees with the register's, or null when they agree (to a tenth). */
export function registerContradiction(recorded: number, figure: RegisterFigure, unit: string): string | null {
  if (Math.abs(recorded - figure.value) < 0.05) return null;
  return `The answer is ${recorded} ${unit}, but ${figure.source}, which gives ${figure.value} ${unit}. Check the answer, or correct the register.`;
}
