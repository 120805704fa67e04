import { afterEach, describe, expect, it } from 'vitest';
import { cacheScores, scoredWards } from '../../src/core/services/scores/scored-wards';
import { SCORING_ENGINE_VERSION } from '../../src/shared/scoring';
import { answerAll, signOff, startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';

let core: TestCore | undefined;
afterEach(() => core?.close());

function wardWithAreas(c: TestCore, name: string, type: 'adult_acute' | 'older_adult' = 'adult_acute') {
  const board = c.call('boards.list', {})[0] ?? c.call('boards.create', { name: 'NHS Scored' });
  const site = c.call('sites.list', { boardId: board.id })[0] ?? c.call('sites.create', { boardId: board.id, name: 'Scored Site' });
  const ward = c.call('wards.create', { siteId: site.id, name, type, bedCount: 10, sexDesignation: 'mixed' });
  c.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  c.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
  return ward;
}

describe('scored wards (the read model behind reports and comparison)', () => {
  it('gives each ward its current assessment for the round, scored by the engine, in name order', () => {
    core = createTestCore();
    const birch = wardWithAreas(core, 'Birch Ward');
    const aspen = wardWithAreas(core, 'Aspen Ward', 'older_adult');
    wardWithAreas(core, 'Unassessed Ward');

    const birchOld = startAssessment(core, birch.id, { round: '2025/26', assessedOn: '2025-10-01' });
    answerAll(core, birchOld.id, (item) => ('response' in item && item.response.type === 'yes_partial_no' ? 'no' : undefined));
    signOff(core, birchOld.id);
    const birchNew = startAssessment(core, birch.id);
    answerAll(core, birchNew.id);
    const aspenNew = startAssessment(core, aspen.id);

    const latest = scoredWards(core.store.db, { includeDrafts: true });
    expect(latest.map((w) => [w.ward.name, w.assessment.id])).toEqual([
      ['Aspen Ward', aspenNew.id],
      ['Birch Ward', birchNew.id],
    ]);
    const birchScores = latest[1]!;
    expect(birchScores.scores).toEqual(core.call('assessments.score', { id: birchNew.id }).scores);
    expect(birchScores.scores.quality.percentage).toBe(100);
    expect(birchScores.rollup).toMatchObject({ wardId: birch.id, wardType: 'adult_acute', bedCount: 10, quality: { rating: 'green', percentage: 100 } });
    // Nothing answered yet: no percentage, and the completeness says why.
    expect(latest[0]!.scores.quality.percentage).toBeNull();

    const earlier = scoredWards(core.store.db, { round: '2025/26' });
    expect(earlier.map((w) => w.assessment.id)).toEqual([birchOld.id]);
    expect(earlier[0]!.scores.quality.rating).toBe('red');

    expect(scoredWards(core.store.db, { wardTypes: ['older_adult'], includeDrafts: true }).map((w) => w.ward.name)).toEqual(['Aspen Ward']);
    // By default, signed-off work only: Birch's earlier round is its latest signed-off assessment; Aspen has none.
    expect(scoredWards(core.store.db).map((w) => w.assessment.id)).toEqual([birchOld.id]);
  });

  it('prefers the signed-off assessment of a round, and reads its cached scores', () => {
    core = createTestCore();
    const ward = wardWithAreas(core, 'Cedar Ward');
    const signed = startAssessment(core, ward.id, { assessedOn: '2026-11-01' });
    answerAll(core, signed.id);
    const { scores } = signOff(core, signed.id); // caches the scores in the same transaction
    expect(cacheScores(core.store.db, { now: () => new Date('2026-11-21T09:00:00Z') }, signed.id)).toEqual(scores);
    startAssessment(core, ward.id, { assessedOn: '2026-11-22' }); // a later draft of the same round

    const [current] = scoredWards(core.store.db, { includeDrafts: true });
    expect(current!.assessment).toMatchObject({ id: signed.id, status: 'signed_off' });
    expect(current!.scores).toEqual(scores);
    expect(current!.scoredBy).toBe(SCORING_ENGINE_VERSION);

    // The kept result is what is read: a marked row shows through, and one kept from an older
    // engine still does, with its engine named: a signed-off assessment is never re-rated.
    const marked = { ...scores, quality: { ...scores.quality, percentage: 12.5 } };
    core.store.sqlite.prepare('UPDATE assessment_scores SET scores = ? WHERE assessment_id = ?').run(JSON.stringify(marked), signed.id);
    expect(scoredWards(core.store.db)[0]!.scores.quality.percentage).toBe(12.5);
    core.store.sqlite.prepare("UPDATE assessment_scores SET engine = 'mhea-scoring/1' WHERE assessment_id = ?").run(signed.id);
    expect(scoredWards(core.store.db)[0]).toMatchObject({ scoredBy: 'mhea-scoring/1', scores: { quality: { percentage: 12.5 } } });
    expect(core.call('assessments.score', { id: signed.id })).toMatchObject({ engine: 'mhea-scoring/1', kept: true, scores: { quality: { percentage: 12.5 } } });
    expect(SCORING_ENGINE_VERSION).not.toBe('mhea-scoring/1');
  });

  it('keeps to the board, site or ward asked for', () => {
    core = createTestCore();
    const { board, ward } = makeWard(core);
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    startAssessment(core, ward.id);
    const other = makeWard(core);
    core.call('areas.create', { wardId: other.ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    startAssessment(core, other.ward.id);
    const drafts = { includeDrafts: true };
    expect(scoredWards(core.store.db, { ...drafts, boardId: board.id }).map((w) => w.ward.id)).toEqual([ward.id]);
    expect(scoredWards(core.store.db, { ...drafts, siteId: other.site.id }).map((w) => w.ward.id)).toEqual([other.ward.id]);
    expect(scoredWards(core.store.db, { ...drafts, wardId: ward.id })).toHaveLength(1);
    expect(scoredWards(core.store.db, drafts)).toHaveLength(2);
    expect(scoredWards(core.store.db)).toHaveLength(0);
  });
});
