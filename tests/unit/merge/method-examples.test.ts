import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildScoringInput } from '../../../src/shared/exchange/scoring-input';
import { provisionalScores, type ConflictedForScoring } from '../../../src/shared/merge/provisional-scoring';
import { scoreWard, type PinnedTemplates, type Rating } from '../../../src/shared/scoring';
import type { Domain } from '../../../src/shared/templates';
import { loadPinnedTemplates } from '../templates/real-templates';

// The worked examples of the method's section 9 (scores while devices' work is in conflict), run
// through the engine: the provisional result, and what each single choice between the versions gives.

const DOC = fileURLToPath(new URL('../../../resources/docs/scoring-method.md', import.meta.url));
const BLOCK = /```json conflict-example id="([^"]+)"\n([\s\S]*?)\n```/g;

type Recorded = Parameters<typeof buildScoringInput>[0];
interface Example extends Omit<Recorded, 'points' | 'assessedOn'> {
  items: Partial<Record<Domain, string[] | 'all'>>;
  asOf: string;
  ligaturePoints: Recorded['points'];
  conflicts: ConflictedForScoring;
  expected: Partial<Record<Domain, { rating: Rating; percentage?: number; promptsAnswered?: number; promptsApplicable?: number }>>;
  choices: Partial<Record<Domain, Rating[]>>;
}

const real = loadPinnedTemplates();

/** The real 2026.1 templates with only the items an example uses (as the method's section 6 does). */
function templatesFor(items: Example['items']): PinnedTemplates {
  const pick = <T extends { items: { id: string }[] }>(domain: Domain, template: T): T => {
    const chosen = items[domain];
    return { ...template, items: chosen === 'all' ? template.items : template.items.filter((i) => chosen?.includes(i.id)) };
  };
  return { quality: pick('quality', real.quality), safety: pick('safety', real.safety), ligature: pick('ligature', real.ligature), therapeutic: pick('therapeutic', real.therapeutic) } as PinnedTemplates;
}

function choices(recorded: Recorded, conflicts: ConflictedForScoring): Recorded[] {
  let all = [recorded];
  for (const c of conflicts.answers) all = all.flatMap((r) => c.versions.map((v) => ({ ...r, answers: [...r.answers.filter((a) => !(a.itemId === c.itemId && a.areaId === c.areaId)), ...(v ? [v] : [])] })));
  for (const c of conflicts.points) all = all.flatMap((r) => c.versions.map((v) => ({ ...r, points: [...r.points.filter((p) => p.id !== c.id), ...(v ? [v] : [])] })));
  for (const c of conflicts.actions) all = all.flatMap((r) => c.versions.map((v) => ({ ...r, actions: [...r.actions.filter((a) => a.id !== c.id), ...(v ? [v] : [])] })));
  return all;
}

const examples = [...readFileSync(DOC, 'utf8').matchAll(BLOCK)].map((m) => ({ id: m[1]!, example: JSON.parse(m[2]!) as Example }));

describe('the method’s worked examples of scores while in conflict (section 9)', () => {
  it('has its examples', () => expect(examples.map((e) => e.id)).toEqual(['conflict-1', 'conflict-2', 'conflict-3']));

  for (const { id, example } of examples) {
    it(`${id}: the provisional result, never better than any choice`, () => {
      const templates = templatesFor(example.items);
      const recorded: Recorded = { ward: example.ward, areas: example.areas, answers: example.answers, points: example.ligaturePoints, actions: example.actions, assessedOn: example.asOf };
      const scores = provisionalScores(templates, recorded, example.conflicts);
      for (const [domain, expected] of Object.entries(example.expected) as [Domain, Example['expected'][Domain] & object][]) {
        const result = scores[domain] as unknown as { rating: Rating; percentage?: number | null; prompts?: { answered: number; applicable: number } };
        expect(result.rating, `${domain} rating`).toBe(expected.rating);
        if (expected.percentage !== undefined) expect(result.percentage).toBe(expected.percentage);
        if (expected.promptsAnswered !== undefined) expect(result.prompts).toMatchObject({ answered: expected.promptsAnswered, applicable: expected.promptsApplicable });
      }
      const each = choices(recorded, example.conflicts).map((choice) => scoreWard(templates, buildScoringInput(choice)));
      for (const [domain, ratings] of Object.entries(example.choices) as [Domain, Rating[]][]) {
        expect(each.map((s) => s[domain].rating).sort(), `${domain}: each choice`).toEqual([...ratings].sort());
      }
    });
  }
});
