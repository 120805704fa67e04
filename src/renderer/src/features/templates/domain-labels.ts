import type { Output } from '../../../../shared/contract';

export type Domain = Output<'templates.list'>[number]['domain'];

/** The four checklists in the order the assessment walks them, with their names on screen. */
export const DOMAIN_ORDER: Domain[] = ['quality', 'safety', 'ligature', 'therapeutic'];

export const DOMAIN_LABELS: Record<Domain, string> = {
  quality: 'Quality',
  safety: 'Safety',
  ligature: 'Ligature risk',
  therapeutic: 'Therapeutic environment',
};

/** The first 12 hex digits of a SHA-256: enough to tell versions apart by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
