import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerAll, startAssessment } from '../helpers/assessments';
import { RESOURCES, createTestCore, makeWard, type TestCore } from '../helpers/core';

// Parsed checklists are kept in memory for speed. Two databases may each hold a version under the
// same key with different content (one board's local draft wording, say): each must be scored with
// its own content, in one process.

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length > 0) cores.pop()!.close();
});

/** Safety 2026.9 with the first item's weight set as given (both files are valid templates). */
function safetyVariant(weight: 1 | 3): { text: string; firstItem: string } {
  const file = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'checklists', 'safety.json'), 'utf8')) as { version: string; items: { id: string; weight: number; critical: boolean }[] };
  const first = file.items.find((item) => !item.critical)!;
  first.weight = weight;
  return { text: JSON.stringify({ ...file, version: '2026.9' }), firstItem: first.id };
}

function scoreWithVariant(weight: 1 | 3): number | null {
  const core = createTestCore();
  cores.push(core);
  const variant = safetyVariant(weight);
  core.call('templates.install', { fileName: `safety-w${weight}.json`, content: variant.text, makeCurrent: true });
  const { ward } = makeWard(core);
  core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const assessment = startAssessment(core, ward.id);
  expect(assessment.templates.safety).toBe('safety@2026.9');
  answerAll(core, assessment.id, (item) => (item.id === variant.firstItem ? 'no' : undefined));
  return core.call('assessments.score', { id: assessment.id }).scores.safety.percentage;
}

describe('parsed checklists kept in memory', () => {
  it('score each database with its own content when two hold the same version key', () => {
    const light = scoreWithVariant(1);
    const heavy = scoreWithVariant(3);
    expect(light).not.toBeNull();
    // One "no": weight 1 costs 2 points, weight 3 costs 6, out of the same total otherwise.
    expect(heavy!).toBeLessThan(light!);
  });
});
