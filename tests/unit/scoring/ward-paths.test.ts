import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPERVISION_TIERS, type AreaType } from '../../../src/shared/domain/estate';
import {
  answerColumns,
  scoreComplianceDomain,
  scoreLigatureDomain,
  scoreWard,
  scoreWardAnswers,
  type Answer,
  type AnswerValue,
  type ScoringArea,
} from '../../../src/shared/scoring';
import type { TemplateItem } from '../../../src/shared/templates';
import { loadPinnedTemplates } from '../templates/real-templates';
import { answer, point, ward } from './factories';

// scoreWard matches every domain's answers in one pass, works out where each item is asked once
// per ward, and finds each answer's area without hashing its id; the store gives it the nation's
// answers one list per field, as strings new to each read. Whatever the ward, it must give exactly
// what each domain's own scorer gives on the same answers as plain objects.

const templates = loadPinnedTemplates();
const items = Object.values(templates).flatMap((t) => t.items as TemplateItem[]);
const AREA_TYPES: AreaType[] = ['bedroom', 'en_suite', 'lounge', 'garden', 'corridor'];
const AREA_IDS = ['b1', 'b2', 'ab-x-cd-yz', 'ab-y-cd-yz', '6f1c2a1e-0b7a-4c55-9a0e-3d2f1b7c9e11'];
const VALUES: AnswerValue[] = ['yes', 'partial', 'no', 'na', 'A', 'C', 'D', 'no_risk', 'risk_present', 0, 50, 100, 101];

const wardArb = fc.record({
  areas: fc.array(fc.record({ id: fc.constantFrom(...AREA_IDS), type: fc.constantFrom(...AREA_TYPES), tier: fc.constantFrom(...SUPERVISION_TIERS) }), { maxLength: 6 }),
  answers: fc.array(
    fc.record({
      item: fc.constantFrom(...items.map((i) => i.id), 'ZZ99'),
      area: fc.option(fc.constantFrom(...AREA_IDS, 'zz'), { nil: null }),
      value: fc.constantFrom(...VALUES),
      reason: fc.constantFrom(undefined, '', '  ', 'reason'),
    }),
    { maxLength: 80 },
  ),
  points: fc.array(fc.record({ area: fc.constantFrom(...AREA_IDS, 'zz'), itemId: fc.constantFrom('L01', 'L02', 'L05') }), { maxLength: 4 }),
});

describe('scoreWard against each domain scored alone', () => {
  it('gives exactly what each domain’s own scorer gives, and the same again from the answers by column as fresh strings', () => {
    fc.assert(
      fc.property(wardArb, (generated) => {
        const areas: ScoringArea[] = generated.areas.map((a, i) => ({ id: a.id, name: `Room ${i}`, type: a.type, supervisionTier: a.tier }));
        const answers: Answer[] = generated.answers.map((a) => answer(a.item, a.value, a.area, a.reason));
        const ligaturePoints = generated.points.map((p, i) => point({ id: `p${i}`, areaId: p.area, itemId: p.itemId }));
        const input = { ward: ward(), areas, answers, ligaturePoints, asOf: '2026-11-23' };
        const scores = scoreWard(templates, input);
        expect(scores.quality).toStrictEqual(scoreComplianceDomain(templates.quality, areas, answers));
        expect(scores.safety).toStrictEqual(scoreComplianceDomain(templates.safety, areas, answers));
        expect(scores.therapeutic).toStrictEqual(scoreComplianceDomain(templates.therapeutic, areas, answers));
        expect(scores.ligature).toStrictEqual(scoreLigatureDomain(templates.ligature, input));
        const fresh = JSON.parse(JSON.stringify(answerColumns(answers))) as ReturnType<typeof answerColumns>;
        const { answers: _given, ...records } = input;
        expect(scoreWardAnswers(templates, records, fresh)).toStrictEqual(scores);
      }),
      { numRuns: 300 },
    );
  });
});
