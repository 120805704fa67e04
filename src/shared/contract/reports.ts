import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { Id } from '../domain/estate-schemas';
import type { ContractSlice } from './types';

// PDF reports. Each answers the finished file (base64) so every door can save or download it.

export const ReportFile = lazySchema(() => z.object({
  fileName: z.string(),
  pdfBase64: z.string(),
  pageCount: z.number().int().min(1),
}));

const Round = lazySchema(() =>
  z
    .string()
    .trim()
    .regex(/^\d{4}\/\d{2}$/, 'Enter the round as a financial year, e.g. 2026/27')
    .optional(),
);

const IncludeDrafts = lazySchema(() => z.boolean().default(false));

export const reportsContract = {
  /** One assessment: scores, every shortfall with notes and photos, the ligature register, actions. */
  'reports.ward': () => ({ input: z.object({ assessmentId: Id }), output: ReportFile }),
  /**
   * A site's wards for a round (default: the latest round signed off there). Signed-off
   * assessments only, unless includeDrafts: then a ward with none in the round is represented by
   * its latest draft, marked "Draft" wherever it appears.
   */
  'reports.site': () => ({ input: z.object({ siteId: Id, round: Round, includeDrafts: IncludeDrafts }), output: ReportFile }),
  /** The board's consolidated estate report for a round (default: the latest round signed off); includeDrafts as for a site. */
  'reports.board': () => ({ input: z.object({ boardId: Id, round: Round, includeDrafts: IncludeDrafts }), output: ReportFile }),
  /** Rounds with at least one signed-off assessment (any assessment, with includeDrafts) in a board or a site, newest first. */
  'reports.rounds': () => ({
    input: z
      .object({ boardId: Id.optional(), siteId: Id.optional(), includeDrafts: IncludeDrafts })
      .refine((v) => (v.boardId === undefined) !== (v.siteId === undefined), { message: 'Give a board or a site', path: ['boardId'] }),
    output: z.array(z.string()),
  }),
} satisfies ContractSlice;
