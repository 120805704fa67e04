import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreWard, type Answer, type AnswerValue } from '../../../src/shared/scoring';
import { itemInstances, type TemplateItem } from '../../../src/shared/templates';
import { loadPinnedTemplates } from '../templates/real-templates';
import { answer, area, point, ward } from './factories';

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

  it('gives the same result whatever order the answers come in, misplaced and repeated answers included', () => {
    const areas = [area('b1', 'bedroom'), area('e1', 'en_suite'), area('l1', 'lounge'), area('g1', 'garden', 1)];
    const instances = Object.values(templates).flatMap((t) => itemInstances(t.items as TemplateItem[], areas));
    const values = (item: TemplateItem): AnswerValue[] =>
      !('response' in item) ? ['no_risk', 'risk_present', 'na'] : item.response.type === 'grade' ? ['A', 'C', 'D', 'na'] : item.response.type === 'number' ? [0, 50, 100] : ['yes', 'partial', 'no', 'na'];
    // Answers to most places (some N/A without a reason), plus ones that do not fit: a second
    // answer to a place, an area not in the ward, the ward for a per-area item, an unknown item.
    const answers = fc.array(fc.nat(), { minLength: instances.length, maxLength: instances.length }).map((picks) => {
      const given: Answer[] = [];
      instances.forEach(({ item, areaId }, i) => {
        const pick = picks[i]!;
        if (pick % 7 === 0) return;
        const options = values(item);
        given.push(answer(item.id, options[pick % options.length]!, areaId, pick % 3 === 0 ? undefined : 'reason'));
        if (pick % 11 === 0) given.push(answer(item.id, options[(pick + 1) % options.length]!, areaId));
        if (pick % 13 === 0) given.push(answer(item.id, options[0]!, areaId === null ? 'b1' : 'zz'));
        if (pick % 17 === 0) given.push(answer(`${item.id}X`, options[0]!, areaId));
      });
      return given;
    });
    fc.assert(
      fc.property(answers, fc.nat(), (given, seed) => {
        const input = { ward: ward(), areas, answers: given, ligaturePoints: [point({ id: 'p1', areaId: 'b1' })], asOf: '2026-11-23' };
        // Shuffled, then the answers to each place put back in the order given into the positions
        // that place took (the first given is the one used, as the method says).
        const placeOf = (a: Answer) => `${a.itemId}|${a.areaId}`;
        const shuffled = given.map((a, i) => ({ a, key: (i * 2654435761 + seed) % 1000003 })).sort((x, y) => x.key - y.key).map((x) => x.a);
        const inOrder = new Map<string, Answer[]>();
        for (const a of given) inOrder.set(placeOf(a), [...(inOrder.get(placeOf(a)) ?? []), a]);
        const reordered = shuffled.map((a) => inOrder.get(placeOf(a))!.shift()!);
        expect(reordered).not.toEqual(given);
        expect(scoreWard(templates, { ...input, answers: reordered })).toEqual(scoreWard(templates, input));
      }),
      { numRuns: 30 },
    );
  });
});
