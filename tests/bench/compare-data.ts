// Benchmark (not a test): compare.data on a national-size database — 14 boards, 126 sites, 406
// wards, two rounds each. Run with `npx tsx tests/bench/compare-data.ts`; it prints the figures.
// The earlier round is signed off (scores cached, as sign-off and import do); the current round
// is measured twice: signed off, and as drafts (scored live: the worst case).
import { cacheScores, scoredWards } from '../../src/core/services/scores/scored-wards';
import { rollUp } from '../../src/shared/scoring';
import { WARD_TYPES } from '../../src/shared/domain/estate';
import { goodValue, instancesOf } from '../helpers/assessments';
import { createTestCore } from '../helpers/core';

const core = createTestCore();
const sqlite = core.store.sqlite;
const insertAnswer = sqlite.prepare(
  "INSERT INTO answers (id, assessment_id, item_id, area_id, value, assessor_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-20T10:00:00Z')",
);
const AREAS = [
  ...Array.from({ length: 6 }, (_, i) => ({ type: 'bedroom' as const, name: `Bedroom ${i + 1}`, supervisionTier: 3 as const })),
  ...Array.from({ length: 4 }, (_, i) => ({ type: 'en_suite' as const, name: `En-suite ${i + 1}`, supervisionTier: 3 as const })),
  { type: 'lounge' as const, name: 'Lounge', supervisionTier: 2 as const },
  { type: 'dining' as const, name: 'Dining room', supervisionTier: 2 as const },
  { type: 'corridor' as const, name: 'Corridor', supervisionTier: 2 as const },
  { type: 'garden' as const, name: 'Garden', supervisionTier: 2 as const },
];

const started = performance.now();
const signedOff: string[] = [];
const current: string[] = [];
let wardIndex = 0;
for (let b = 0; b < 14; b += 1) {
  const board = core.call('boards.create', { name: `NHS Board ${String(b + 1).padStart(2, '0')}` });
  for (let s = 0; s < 9; s += 1) {
    const site = core.call('sites.create', { boardId: board.id, name: `Site ${s + 1}` });
    const wardsHere = 3 + (((b * 9 + s) % 5) === 0 ? 1 : 0);
    for (let w = 0; w < wardsHere; w += 1) {
      wardIndex += 1;
      const ward = core.call('wards.create', { siteId: site.id, name: `Ward ${w + 1}`, type: WARD_TYPES[wardIndex % 6]!, bedCount: 10 + (wardIndex % 15), sexDesignation: 'mixed' });
      for (const area of AREAS) core.call('areas.create', { wardId: ward.id, ...area });
      for (const [round, on, list] of [['2025/26', '2025-10-01', signedOff], ['2026/27', '2026-10-01', current]] as const) {
        const assessment = core.call('assessments.start', { wardId: ward.id, round, assessedOn: on, announced: true, assessors: [{ name: 'Bench', role: 'estates' }] });
        const assessorId = assessment.assessors[0]!.id;
        sqlite.transaction(() => {
          instancesOf(core, assessment).forEach(({ item, areaId }, i) => {
            const value = i % 11 === 0 && 'response' in item && item.response.type === 'yes_partial_no' ? 'partial' : goodValue(item);
            insertAnswer.run(`${assessment.id}:${item.id}:${areaId ?? 'ward'}`, assessment.id, item.id, areaId, JSON.stringify(value), assessorId);
          });
        })();
        if (round === '2025/26') sqlite.prepare("UPDATE assessments SET status = 'signed_off', signed_off_at = '2025-10-02T09:00:00Z' WHERE id = ?").run(assessment.id);
        list.push(assessment.id);
      }
    }
  }
}
for (const id of signedOff) cacheScores(core.store.db, { now: () => new Date() }, id);
console.log(`generated ${wardIndex} wards, ${signedOff.length + current.length} assessments in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function measure(label: string, input: Parameters<typeof core.call<'compare.data'>>[1], runs = 10) {
  core.call('compare.data', input); // warm the template cache
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const data = core.call('compare.data', input);
    times.push(performance.now() - t);
    if (i === 0 && data.total.wardCount === 0) throw new Error(`${label}: no wards compared`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${runs} runs)`);
}

measure('nation, current round as drafts (scored live)', { level: 'nation' }, 5);
measure('nation, signed-off only (earlier round, cached)', { level: 'nation', signedOffOnly: true });
measure('nation, round 2025/26 (cached)', { level: 'nation', round: '2025/26' });
// Now sign off the current round too and cache it, as a national collation would hold it.
for (const id of current) {
  sqlite.prepare("UPDATE assessments SET status = 'signed_off', signed_off_at = '2026-10-02T09:00:00Z' WHERE id = ?").run(id);
  cacheScores(core.store.db, { now: () => new Date() }, id);
}
measure('nation, latest round all signed off (cached)', { level: 'nation' });
{
  let t = performance.now();
  const all = scoredWards(core.store.db, {});
  console.log(`  of which scoredWards: ${(performance.now() - t).toFixed(0)} ms; cached JSON ${(sqlite.prepare('SELECT sum(length(scores)) AS n FROM assessment_scores').get() as { n: number }).n / 808 | 0} bytes per ward`);
  t = performance.now();
  rollUp(all.map((w) => w.rollup));
  console.log(`  rollUp over all: ${(performance.now() - t).toFixed(0)} ms`);

}
const board = core.call('boards.list', {})[0]!;
measure('one board, latest round (cached)', { level: 'board', id: board.id });
core.close();
