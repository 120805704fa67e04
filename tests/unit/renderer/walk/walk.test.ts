import { describe, expect, it } from 'vitest';
import {
  WARD_KEY,
  buildWalk,
  initialPlace,
  instanceKeyOf,
  nextAfterAnswer,
  nextUnanswered,
  progressOf,
} from '../../../../src/renderer/src/features/assessments/walk/model';
import { BEDROOM, LOUNGE, answersFor, assessmentWith, smallTemplates, smallWalk } from './walk-factory';

// The walkthrough's order and progress: place by place in the assessor's route (areas, with the
// ward-level questions where the route puts them); within a place, domain by domain in template order.

const keys = (instances: { key: string }[]) => instances.map((i) => i.key);
const ALL = [
  `Q10@${BEDROOM}`,
  `Q06@${BEDROOM}`,
  `S05@${BEDROOM}`,
  `L01@${BEDROOM}`,
  `Q10@${LOUNGE}`,
  `S05@${LOUNGE}`,
  'Q01@ward',
  'L14@ward',
  'T01@ward',
];

describe('building the walk', () => {
  it('goes area by area in the assessment’s order, then the whole ward', () => {
    const walk = smallWalk();
    expect(walk.areas.map((a) => [a.key, a.name, a.tier])).toEqual([
      [BEDROOM, 'Bedroom 1', 3],
      [LOUNGE, 'Lounge', 2],
      [WARD_KEY, 'Whole ward', null],
    ]);
    expect(keys(walk.instances)).toEqual(ALL);
  });

  it('asks each area only the questions that apply to its type, domain by domain in template order', () => {
    const walk = smallWalk();
    expect(keys(walk.byArea.get(BEDROOM)!)).toEqual([`Q10@${BEDROOM}`, `Q06@${BEDROOM}`, `S05@${BEDROOM}`, `L01@${BEDROOM}`]);
    expect(keys(walk.byArea.get(LOUNGE)!)).toEqual([`Q10@${LOUNGE}`, `S05@${LOUNGE}`]);
    expect(walk.byArea.get(WARD_KEY)!.map((i) => [i.item.id, i.domain, i.areaId])).toEqual([
      ['Q01', 'quality', null],
      ['L14', 'ligature', null],
      ['T01', 'therapeutic', null],
    ]);
  });

  it('keys each question by item and place, and finds it by that key', () => {
    const walk = smallWalk();
    expect(instanceKeyOf('S05', LOUNGE)).toBe(`S05@${LOUNGE}`);
    expect(instanceKeyOf('Q01', null)).toBe('Q01@ward');
    expect(walk.byKey.get(`S05@${LOUNGE}`)).toMatchObject({ areaId: LOUNGE, areaKey: LOUNGE, domain: 'safety' });
    expect(walk.byKey.size).toBe(ALL.length);
  });

  it('follows the areas as the assessment orders them, including one added on the spot', () => {
    const walk = buildWalk(
      assessmentWith([
        { areaId: LOUNGE, name: 'Lounge', type: 'lounge', supervisionTier: 2 },
        { areaId: BEDROOM, name: 'Bedroom 1', type: 'bedroom', supervisionTier: 3 },
        { areaId: 'area-added', name: 'Bedroom 2', type: 'bedroom', supervisionTier: 3 },
      ]),
      smallTemplates(),
    );
    expect(walk.areas.map((a) => a.name)).toEqual(['Lounge', 'Bedroom 1', 'Bedroom 2', 'Whole ward']);
    expect(keys(walk.byArea.get('area-added')!)).toEqual(['Q10@area-added', 'Q06@area-added', 'S05@area-added', 'L01@area-added']);
  });

  it('puts the ward-level questions where the route has them: first for a new assessment, or between areas', () => {
    const areas = [
      { areaId: BEDROOM, name: 'Bedroom 1', type: 'bedroom', supervisionTier: 3 as const },
      { areaId: LOUNGE, name: 'Lounge', type: 'lounge', supervisionTier: 2 as const },
    ];
    const first = buildWalk(assessmentWith(areas, 0), smallTemplates());
    expect(first.areas.map((a) => a.key)).toEqual([WARD_KEY, BEDROOM, LOUNGE]);
    expect(keys(first.instances)).toEqual(['Q01@ward', 'L14@ward', 'T01@ward', ...ALL.slice(0, 6)]);
    expect(nextUnanswered(first, answersFor(), null)?.key).toBe('Q01@ward');
    const between = buildWalk(assessmentWith(areas, 1), smallTemplates());
    expect(between.areas.map((a) => a.key)).toEqual([BEDROOM, WARD_KEY, LOUNGE]);
    expect(nextAfterAnswer(between, between.byKey.get(`L01@${BEDROOM}`)!, answersFor())).toEqual({ to: 'unanswered', instance: between.byKey.get('Q01@ward') });
  });

  it('has only the ward’s questions when the assessment has no areas', () => {
    const walk = buildWalk(assessmentWith([]), smallTemplates());
    expect(walk.areas.map((a) => a.key)).toEqual([WARD_KEY]);
    expect(keys(walk.instances)).toEqual(['Q01@ward', 'L14@ward', 'T01@ward']);
  });
});

describe('progress through the walk', () => {
  it('counts answered of applicable per area, per domain and in all', () => {
    const walk = smallWalk();
    const progress = progressOf(walk, answersFor(`Q10@${BEDROOM}`, `L01@${BEDROOM}`, `S05@${LOUNGE}`, 'T01@ward'));
    expect(Object.fromEntries(progress.byArea)).toEqual({
      [BEDROOM]: { answered: 2, applicable: 4 },
      [LOUNGE]: { answered: 1, applicable: 2 },
      [WARD_KEY]: { answered: 1, applicable: 3 },
    });
    expect(progress.byDomain).toEqual({
      quality: { answered: 1, applicable: 4 },
      safety: { answered: 1, applicable: 2 },
      ligature: { answered: 1, applicable: 2 },
      therapeutic: { answered: 1, applicable: 1 },
    });
    expect(progress.total).toEqual({ answered: 4, applicable: 9 });
  });

  it('ignores a stored answer for a question this walk does not ask', () => {
    const progress = progressOf(smallWalk(), answersFor(`L01@${LOUNGE}`, 'Q99@ward'));
    expect(progress.total).toEqual({ answered: 0, applicable: 9 });
  });

  it('is complete when every question has an answer', () => {
    const progress = progressOf(smallWalk(), answersFor(...ALL));
    expect(progress.total).toEqual({ answered: 9, applicable: 9 });
    for (const count of progress.byArea.values()) expect(count.answered).toBe(count.applicable);
  });
});

describe('the next unanswered question', () => {
  const walk = smallWalk();

  it('from the start is the first unanswered one in walk order', () => {
    expect(nextUnanswered(walk, answersFor(), null)?.key).toBe(`Q10@${BEDROOM}`);
    expect(nextUnanswered(walk, answersFor(`Q10@${BEDROOM}`, `Q06@${BEDROOM}`), null)?.key).toBe(`S05@${BEDROOM}`);
  });

  it('looks after the given question, across areas into the ward’s questions', () => {
    const answers = answersFor(`Q10@${LOUNGE}`, `S05@${LOUNGE}`);
    expect(nextUnanswered(walk, answers, `L01@${BEDROOM}`)?.key).toBe('Q01@ward');
  });

  it('wraps round to the start after the last question', () => {
    expect(nextUnanswered(walk, answersFor('Q01@ward', 'L14@ward', 'T01@ward'), 'T01@ward')?.key).toBe(`Q10@${BEDROOM}`);
    expect(nextUnanswered(walk, answersFor(...ALL.filter((k) => k !== `S05@${BEDROOM}`)), `Q10@${LOUNGE}`)?.key).toBe(`S05@${BEDROOM}`);
  });

  it('never returns the question it starts from while another is unanswered, and returns it when it is the only one', () => {
    const others = ALL.filter((k) => k !== `S05@${LOUNGE}`);
    expect(nextUnanswered(walk, answersFor(...others.slice(1)), `S05@${LOUNGE}`)?.key).toBe(others[0]);
    expect(nextUnanswered(walk, answersFor(...others), `S05@${LOUNGE}`)?.key).toBe(`S05@${LOUNGE}`);
  });

  it('is null when every question is answered', () => {
    expect(nextUnanswered(walk, answersFor(...ALL), null)).toBeNull();
    expect(nextUnanswered(walk, answersFor(...ALL), 'Q01@ward')).toBeNull();
  });

  it('starts from the beginning when the question it is given is not in the walk', () => {
    expect(nextUnanswered(walk, answersFor(), 'Q99@ward')?.key).toBe(`Q10@${BEDROOM}`);
  });
});

describe('where a key moves on to after answering', () => {
  const walk = smallWalk();
  const at = (key: string) => walk.byKey.get(key)!;

  it('is the next question of the same area, answered or not', () => {
    expect(nextAfterAnswer(walk, at(`Q10@${BEDROOM}`), new Set([`Q06@${BEDROOM}`]))).toEqual({ to: 'in-area', instance: at(`Q06@${BEDROOM}`) });
  });

  it('after an area’s last question, is the next unanswered one anywhere, counting this one as answered', () => {
    expect(nextAfterAnswer(walk, at(`L01@${BEDROOM}`), new Set([`Q10@${LOUNGE}`]))).toEqual({ to: 'unanswered', instance: at(`S05@${LOUNGE}`) });
    // Only the question just answered (its save still on its way) is left: nothing to move to.
    const others = new Set(ALL.filter((k) => k !== 'T01@ward'));
    expect(nextAfterAnswer(walk, at('T01@ward'), others)).toEqual({ to: 'nothing-left' });
  });

  it('wraps round from the ward’s last question to the first unanswered one', () => {
    expect(nextAfterAnswer(walk, at('T01@ward'), new Set([`Q10@${BEDROOM}`]))).toEqual({ to: 'unanswered', instance: at(`Q06@${BEDROOM}`) });
  });
});

describe('where the walkthrough opens', () => {
  const walk = smallWalk();

  it('is the place in the address when there is one', () => {
    expect(initialPlace(walk, answersFor(), { area: LOUNGE, item: `S05@${LOUNGE}` }, { area: BEDROOM })).toEqual({ area: LOUNGE, item: `S05@${LOUNGE}` });
    expect(initialPlace(walk, answersFor(), { area: WARD_KEY }, null)).toEqual({ area: WARD_KEY, item: undefined });
  });

  it('else where the assessor last was, if that area is still in the walk', () => {
    expect(initialPlace(walk, answersFor(), {}, { area: LOUNGE, item: `Q10@${LOUNGE}` })).toEqual({ area: LOUNGE, item: `Q10@${LOUNGE}` });
    expect(initialPlace(walk, answersFor(), {}, { area: 'area-removed', item: 'Q10@area-removed' })).toEqual({ area: BEDROOM, item: `Q10@${BEDROOM}` });
  });

  it('else the first unanswered question, else the first area', () => {
    expect(initialPlace(walk, answersFor(`Q10@${BEDROOM}`, `Q06@${BEDROOM}`, `S05@${BEDROOM}`, `L01@${BEDROOM}`), {}, null)).toEqual({ area: LOUNGE, item: `Q10@${LOUNGE}` });
    expect(initialPlace(walk, answersFor(...ALL), {}, null)).toEqual({ area: BEDROOM });
  });
});
