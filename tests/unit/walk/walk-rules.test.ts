import { describe, expect, it } from 'vitest';
import type { TemplateItem } from '../../../src/shared/templates';
import { noFindingsValue, planCopy, planNoFindings, type FillArea } from '../../../src/shared/walk/fills';
import { numberBandingText, registerContradiction, registerFigure } from '../../../src/shared/walk/number-answers';
import { WARD_STOP, carriedRoute, defaultRoute, routeProblem, routeStops, storedRoute } from '../../../src/shared/walk/route';
import { loadTemplate } from '../templates/real-templates';

// The walk's pure rules: the route, what a fill writes, and number answers.

const area = (areaId: string, name: string, type: string, supervisionTier: 1 | 2 | 3 = 3): FillArea & { areaId: string } => ({ areaId, name, type, supervisionTier });

describe('the route', () => {
  const areas = [area('b2', 'Bedroom 2', 'bedroom'), area('b10', 'Bedroom 10', 'bedroom'), area('g', 'Garden', 'garden'), area('e', 'Way in', 'entrance'), area('l', 'Lounge', 'lounge')];

  it('starts at the entrance, communal rooms before bedrooms (numbers in order), the garden late', () => {
    expect(defaultRoute(areas)).toEqual(['e', 'l', 'b2', 'b10', 'g']);
    expect(carriedRoute(null, areas)).toEqual([WARD_STOP, 'e', 'l', 'b2', 'b10', 'g']);
  });

  it('accepts each area and the ward stop exactly once', () => {
    const ids = areas.map((a) => a.areaId);
    expect(routeProblem([...ids, WARD_STOP], ids)).toBeNull();
    expect(routeProblem(ids, ids)).toMatch(/where the ward-level questions/);
    expect(routeProblem([...ids, WARD_STOP, WARD_STOP], ids)).toMatch(/twice/);
    expect(routeProblem([...ids, 'b2', WARD_STOP], ids)).toMatch(/Area b2 is in the route twice/);
    expect(routeProblem([...ids.slice(1), WARD_STOP], ids)).toMatch(/leaves out an area \(b2\)/);
    expect(routeProblem([...ids, 'x', WARD_STOP], ids)).toMatch(/x is not an area/);
  });

  it('stores positions and the ward stop’s place, and gives the same stops back', () => {
    const stops = ['l', 'e', WARD_STOP, 'g', 'b10', 'b2'];
    const stored = storedRoute(stops);
    expect(stored.wardPosition).toBe(2);
    expect([...stored.positions]).toEqual([
      ['l', 0],
      ['e', 1],
      ['g', 2],
      ['b10', 3],
      ['b2', 4],
    ]);
    expect(routeStops(['l', 'e', 'g', 'b10', 'b2'], stored.wardPosition)).toEqual(stops);
    expect(routeStops(['l'], 9)).toEqual(['l', WARD_STOP]);
  });

  it('carries last round’s route, drops areas gone since, and puts new ones at the end', () => {
    const previous = ['g', WARD_STOP, 'gone', 'b10', 'l', 'e'];
    expect(carriedRoute(previous, areas)).toEqual(['g', WARD_STOP, 'b10', 'l', 'e', 'b2']);
  });
});

describe('what a fill writes', () => {
  const items = (['quality', 'safety', 'ligature', 'therapeutic'] as const).flatMap((d) => loadTemplate(d).items as TemplateItem[]);
  const areas = [area('b1', 'Bedroom 1', 'bedroom'), area('b2', 'Bedroom 2', 'bedroom'), area('b3', 'Bedroom 3', 'bedroom'), area('l', 'Lounge', 'lounge', 2)];
  const asked = (areaId: string) => items.filter((i) => i.appliesTo.scope === 'area' && (i.appliesTo.areaTypes === 'all' || i.appliesTo.areaTypes.includes(areas.find((a) => a.areaId === areaId)!.type as never)) && areas.find((a) => a.areaId === areaId)!.supervisionTier >= (i.appliesTo.minTier ?? 1));
  const full = asked('b1').map((i) => ({ itemId: i.id, areaId: 'b1', value: ('response' in i ? 'yes' : i.id === 'L01' ? 'risk_present' : 'no_risk') as never, naReason: null }));

  it('copies every answer of a full sample into the unanswered questions of each area of its type', () => {
    const given = { itemId: full[0]!.itemId, areaId: 'b2', value: 'no' as const, naReason: null };
    const plan = planCopy({ items, areas, answers: [...full, given], sourceId: 'b1', targetIds: ['b2', 'b3'] });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.answers).toHaveLength(full.length * 2 - 1);
    expect(plan.answers.some((a) => a.areaId === 'b2' && a.itemId === given.itemId)).toBe(false);
    expect(plan.perArea).toEqual([
      { areaId: 'b2', copied: full.length - 1, kept: 1, notInSample: 0 },
      { areaId: 'b3', copied: full.length, kept: 0, notInSample: 0 },
    ]);
    expect(plan.riskPresent.map((a) => [a.itemId, a.areaId])).toEqual([
      ['L01', 'b2'],
      ['L01', 'b3'],
    ]);
  });

  it('refuses an unfinished sample, itself, another type, and no target', () => {
    expect(planCopy({ items, areas, answers: full.slice(1), sourceId: 'b1', targetIds: ['b2'] })).toMatchObject({ ok: false, field: 'sourceAreaId', problem: 'Bedroom 1 has 1 unanswered question: answer it before using it as a sample room' });
    expect(planCopy({ items, areas, answers: full, sourceId: 'b1', targetIds: ['b1'] })).toMatchObject({ ok: false, field: 'targetAreaIds' });
    expect(planCopy({ items, areas, answers: full, sourceId: 'b1', targetIds: ['l'] })).toMatchObject({ ok: false, problem: expect.stringContaining('Lounge is not the same type') });
    expect(planCopy({ items, areas, answers: full, sourceId: 'b1', targetIds: [] })).toMatchObject({ ok: false });
    expect(planCopy({ items, areas, answers: full, sourceId: 'nope', targetIds: ['b2'] })).toMatchObject({ ok: false, field: 'sourceAreaId' });
  });

  it('copies only what the target is asked: a lower-tier room of the same type gets fewer questions', () => {
    const lowTier = [...areas, area('b4', 'Bedroom 4', 'bedroom', 1)];
    const plan = planCopy({ items, areas: lowTier, answers: full, sourceId: 'b1', targetIds: ['b4'] });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.answers.length).toBeLessThan(full.length);
    expect(plan.answers.every((a) => full.some((f) => f.itemId === a.itemId))).toBe(true);
  });

  it('marks no findings on yes/no compliance questions only: never a ligature prompt, grade or number', () => {
    for (const item of items) {
      const value = noFindingsValue(item);
      if (!('response' in item)) expect(value).toBeNull();
      else if (item.response.type === 'grade' || item.response.type === 'number') expect(value).toBeNull();
      else expect(value).toBe('yes');
    }
    const lounge = planNoFindings({ items, area: areas[3]!, answers: [] });
    expect(lounge.answers.every((a) => a.value === 'yes' && a.areaId === 'l')).toBe(true);
    expect(lounge.left.prompts).toBeGreaterThan(0);
    const ward = planNoFindings({ items, area: null, answers: [] });
    expect(ward.answers.every((a) => a.areaId === null)).toBe(true);
    expect(ward.left).toEqual({ prompts: 1, judged: 5 });
    // Already answered: not written again.
    const again = planNoFindings({ items, area: areas[3]!, answers: lounge.answers });
    expect(again.answers).toEqual([]);
  });
});

describe('number answers', () => {
  const q06 = { critical: true, response: { type: 'number' as const, unit: '%', min: 0, max: 100, integer: false, allowNa: false, banding: { direction: 'higher_is_better' as const, yes: 100, partial: 80 } } };

  it('says what a figure counts as while it is typed, and when a critical item’s figure makes the domain red', () => {
    expect(numberBandingText(q06, 100)).toBe('100 % counts as Yes (Yes from 100 %, Partial from 80 %).');
    expect(numberBandingText(q06, 85)).toBe('85 % counts as Partial (Yes from 100 %, Partial from 80 %).');
    expect(numberBandingText(q06, 30)).toBe('30 % counts as No — critical item: this makes the domain red (Yes from 100 %, Partial from 80 %).');
    const lower = { critical: false, response: { ...q06.response, unit: 'minutes', banding: { direction: 'lower_is_better' as const, yes: 5, partial: 10 } } };
    expect(numberBandingText(lower, 12)).toBe('12 minutes counts as No (Yes up to 5 minutes, Partial up to 10 minutes).');
  });

  it('takes single rooms and en-suites from the register, and flags an answer that contradicts it', () => {
    const areas = [...Array(20)].map(() => ({ type: 'bedroom' })).concat([...Array(12)].map(() => ({ type: 'en_suite' })));
    const singles = registerFigure('quality', 'Q06', { bedCount: 24 }, areas)!;
    expect(singles).toEqual({ value: 83.3, source: 'the register lists 20 bedrooms for 24 beds (each bedroom taken as a single room)' });
    const ensuites = registerFigure('quality', 'Q07', { bedCount: 24 }, areas)!;
    expect(ensuites.value).toBe(60);
    expect(registerFigure('quality', 'Q01', { bedCount: 24 }, areas)).toBeNull();
    expect(registerFigure('quality', 'Q07', { bedCount: 24 }, [])).toBeNull();
    expect(registerContradiction(83.3, singles, '%')).toBeNull();
    expect(registerContradiction(100, singles, '%')).toBe('The answer is 100 %, but the register lists 20 bedrooms for 24 beds (each bedroom taken as a single room), which gives 83.3 %. Check the answer, or correct the register.');
  });
});
