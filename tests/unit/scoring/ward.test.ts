import { describe, expect, it } from 'vitest';
import { scoreWard } from '../../../src/shared/scoring';
import { loadPinnedTemplates } from '../templates/real-templates';
import { answer, area, ward } from './factories';

describe('scoreWard', () => {
  const templates = loadPinnedTemplates();

  it('scores the four domains separately against the pinned templates', () => {
    const scores = scoreWard(templates, {
      ward: ward(),
      areas: [area('b1', 'bedroom')],
      answers: [answer('Q03', 'yes'), answer('S02', 'no'), answer('T01', 'partial', 'b1'), answer('L01', 'no_risk', 'b1')],
      ligaturePoints: [],
      asOf: '2026-11-23',
    });
    expect([scores.quality.rating, scores.safety.rating, scores.therapeutic.rating]).toEqual(['green', 'red', 'red']);
    expect(scores.safety.gates.map((g) => g.itemId)).toEqual(['S02']);
    expect(scores.therapeutic.percentage).toBe(50);
    expect(scores.ligature.prompts.answered).toBe(1);
    expect(scores.quality.templateVersion).toBe('2026.1');
    expect(scores.issues).toEqual([]);
  });

  it('reports answers to items that are in none of the pinned templates', () => {
    const scores = scoreWard(templates, {
      ward: ward(),
      areas: [],
      answers: [answer('S99', 'yes')],
      ligaturePoints: [],
      asOf: '2026-11-23',
    });
    expect(scores.issues.map((i) => [i.code, i.itemId])).toEqual([['unknown_item', 'S99']]);
  });

  it('refuses a template pinned in the wrong domain slot', () => {
    const input = { ward: ward(), areas: [], answers: [], ligaturePoints: [], asOf: '2026-11-23' };
    expect(() => scoreWard({ ...templates, quality: templates.safety }, input)).toThrow('The quality slot holds the safety template');
  });
});
