import { describe, expect, it } from 'vitest';
import { TemplateValidationError, parseTemplate, safeParseTemplate } from '../../../src/shared/templates';
import { DOMAINS } from '../../../src/shared/templates';
import { readTemplateJson } from './real-templates';
import { complianceItemJson, ligaturePromptJson, ligatureTemplateJson, safetyTemplateJson } from './template-factory';

function problemsOf(json: unknown, source = 'safety.json'): string[] {
  const result = safeParseTemplate(json, source);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.problems;
}

const numberResponse = (banding: Record<string, unknown>) => ({
  type: 'number',
  unit: '%',
  min: 0,
  max: 100,
  integer: false,
  banding,
  allowNa: false,
});

describe('parseTemplate', () => {
  it('gives a parsed template back unchanged when it is parsed again: start-up takes a bundled file stored as it is without parsing it', () => {
    const padded = safetyTemplateJson([complianceItemJson('S01', { question: '  Is the door sound?  ' }), complianceItemJson('S07')]);
    padded['title'] = '  Safety, padded  ';
    const templates = [...DOMAINS.map((domain) => readTemplateJson(domain)), padded, ligatureTemplateJson()];
    for (const json of templates) {
      const once = parseTemplate(json, 'template.json');
      expect(parseTemplate(structuredClone(once), 'template.json')).toEqual(once);
    }
    // Trimming is the one change parsing makes.
    const parsed = parseTemplate(padded, 'safety.json');
    expect(parsed.title).toBe('Safety, padded');
    expect(parsed.items[0]).toMatchObject({ question: 'Is the door sound?' });
  });

  it('accepts a small well-formed compliance template and a ligature template', () => {
    expect(parseTemplate(safetyTemplateJson(), 'safety.json').items.map((i) => i.id)).toEqual(['S01', 'S07']);
    expect(parseTemplate(ligatureTemplateJson(), 'ligature.json').domain).toBe('ligature');
  });

  it('names the file, the item id and the field when a weight is out of range', () => {
    const json = safetyTemplateJson([complianceItemJson('S01'), complianceItemJson('S07', { weight: 4 })]);
    expect(problemsOf(json)).toEqual(['safety.json: item S07 → weight: must be 1, 2 or 3']);
  });

  it('throws a TemplateValidationError whose message lists the problems', () => {
    const json = safetyTemplateJson([complianceItemJson('S07', { weight: 0 })]);
    expect(() => parseTemplate(json, 'safety.json')).toThrow(TemplateValidationError);
    expect(() => parseTemplate(json, 'safety.json')).toThrow('safety.json: item S07 → weight: must be 1, 2 or 3');
  });

  it('reports every broken item, not just the first', () => {
    const json = safetyTemplateJson([
      complianceItemJson('S01', { weight: 5 }),
      complianceItemJson('S02', { critical: 'yes' }),
      complianceItemJson('S03', { references: [{ doc: 'HBN 3-01' }] }),
    ]);
    expect(problemsOf(json)).toEqual([
      'safety.json: item S01 → weight: must be 1, 2 or 3',
      'safety.json: item S02 → critical: must be true or false',
      'safety.json: item S03 → references[0].doc: must be one of the named guidance documents (see references.ts)',
    ]);
  });

  it('refuses two items with the same id', () => {
    const json = safetyTemplateJson([complianceItemJson('S07'), complianceItemJson('S07')]);
    expect(problemsOf(json)).toEqual(['safety.json: item S07 → id: "S07" is used by two items']);
  });

  it('refuses an item whose section does not exist', () => {
    const json = safetyTemplateJson([complianceItemJson('S01'), complianceItemJson('S07', { sectionId: 'fire' })]);
    expect(problemsOf(json)).toEqual(['safety.json: item S07 → sectionId: "fire" is not one of this template\'s sections']);
  });

  it('refuses a section with no items and a section id used twice', () => {
    const json = {
      ...safetyTemplateJson(),
      sections: [
        { id: 'main', title: 'Main section' },
        { id: 'main', title: 'Main again' },
        { id: 'empty', title: 'Nothing here' },
      ],
    };
    expect(problemsOf(json)).toEqual([
      'safety.json: section main → id: "main" is used by two sections',
      'safety.json: section empty: section "empty" has no items',
    ]);
  });

  it('refuses an item id whose letter does not match the template domain', () => {
    const json = safetyTemplateJson([complianceItemJson('Q01')]);
    expect(problemsOf(json)).toEqual(['safety.json: item Q01 → id: must start with S in the safety template']);
  });

  it('refuses a critical flag on an item that is not weight 3', () => {
    const json = safetyTemplateJson([complianceItemJson('S01', { critical: true, weight: 2 })]);
    expect(problemsOf(json)).toEqual(['safety.json: item S01 → critical: only a weight 3 item can be critical']);
  });

  it('refuses number bands in the wrong order for their direction', () => {
    const json = safetyTemplateJson([
      complianceItemJson('S01', { response: numberResponse({ direction: 'higher_is_better', yes: 80, partial: 100 }) }),
      complianceItemJson('S02', { response: numberResponse({ direction: 'lower_is_better', yes: 10, partial: 5 }) }),
    ]);
    expect(problemsOf(json)).toEqual([
      'safety.json: item S01 → response.banding.partial: the yes cut-off must be greater than the partial cut-off when higher_is_better',
      'safety.json: item S02 → response.banding.partial: the yes cut-off must be less than the partial cut-off when lower_is_better',
    ]);
  });

  it('refuses number bands outside the allowed range and a range with min above max', () => {
    const json = safetyTemplateJson([
      complianceItemJson('S01', { response: numberResponse({ direction: 'higher_is_better', yes: 120, partial: 80 }) }),
      complianceItemJson('S02', {
        response: { ...numberResponse({ direction: 'higher_is_better', yes: 5, partial: 3 }), min: 10, max: 0 },
      }),
    ]);
    const problems = problemsOf(json);
    expect(problems).toContain('safety.json: item S01 → response.banding.yes: must lie between min (0) and max (100)');
    expect(problems).toContain('safety.json: item S02 → response.max: must be greater than min');
  });

  it('refuses a green threshold that is not above the amber threshold', () => {
    const json = { ...safetyTemplateJson(), ragThresholds: { green: 60, amber: 65 } };
    expect(problemsOf(json)).toEqual(['safety.json: ragThresholds → green: must be greater than the amber threshold (65)']);
  });

  it('refuses an unknown area type, naming its position in the list', () => {
    const json = safetyTemplateJson([
      complianceItemJson('S07', { appliesTo: { scope: 'area', areaTypes: ['bedroom', 'bedrooms'] } }),
    ]);
    expect(problemsOf(json)).toEqual([
      expect.stringMatching(/^safety\.json: item S07 → appliesTo\.areaTypes\[1\]: must be one of the area types: bedroom, /),
    ]);
  });

  it('refuses a misspelt field rather than ignoring it', () => {
    const item = complianceItemJson('S07');
    const { weight, ...rest } = item;
    const json = safetyTemplateJson([{ ...rest, wieght: weight }]);
    expect(problemsOf(json)).toEqual([
      'safety.json: item S07 → weight: must be 1, 2 or 3',
      'safety.json: item S07: unexpected field "wieght"',
    ]);
  });

  it('names an item by its position when it has no id', () => {
    const { id: _id, ...noId } = complianceItemJson('S02');
    const json = safetyTemplateJson([complianceItemJson('S01'), noId]);
    expect(problemsOf(json)).toEqual([
      'safety.json: item #2 (item has no id) → id: must be text',
    ]);
  });

  it('refuses yes/partial/no questions in the ligature template: prompts only', () => {
    const json = ligatureTemplateJson([
      ligaturePromptJson('L01', { response: { type: 'yes_partial_no', allowNa: false }, weight: 3, critical: true }),
    ]);
    expect(problemsOf(json, 'ligature.json')).toEqual([
      'ligature.json: item L01: unexpected fields "response", "weight", "critical" (ligature prompts carry no response, weight or critical flag: they are rated from the register)',
    ]);
  });

  it('refuses RAG thresholds in the ligature template, which is never a percentage', () => {
    const json = { ...ligatureTemplateJson(), ragThresholds: { green: 85, amber: 65 } };
    expect(problemsOf(json, 'ligature.json')).toEqual(['ligature.json: unexpected field "ragThresholds"']);
  });

  it('refuses a compliance template without RAG thresholds', () => {
    const { ragThresholds: _dropped, ...json } = safetyTemplateJson();
    expect(problemsOf(json)).toEqual([expect.stringMatching(/^safety\.json: ragThresholds: /)]);
  });

  it('refuses an unknown domain and a non-object', () => {
    expect(problemsOf({ ...safetyTemplateJson(), domain: 'comfort' })).toEqual([
      'safety.json: domain: must be one of quality, safety, ligature, therapeutic',
    ]);
    expect(problemsOf('not a template')).toHaveLength(1);
  });

  it('refuses a badly formed version, date and minimum tier', () => {
    const json = {
      ...ligatureTemplateJson([ligaturePromptJson('L05', { appliesTo: { scope: 'area', areaTypes: 'all', minTier: 4 } })]),
      version: '1',
      publishedOn: '23/11/2026',
    };
    expect(problemsOf(json, 'ligature.json')).toEqual([
      'ligature.json: version: must look like 2026.1 (year.release)',
      'ligature.json: publishedOn: must be a date written YYYY-MM-DD',
      'ligature.json: item L05 → appliesTo.minTier: must be supervision tier 1, 2 or 3',
    ]);
  });
});

describe('parseTemplate on where an item applies', () => {
  it('refuses an empty or repeated list of area types, and a value that is neither "all" nor a list', () => {
    const json = safetyTemplateJson([
      complianceItemJson('S01', { appliesTo: { scope: 'area', areaTypes: [] } }),
      complianceItemJson('S02', { appliesTo: { scope: 'area', areaTypes: ['garden', 'garden'] } }),
      complianceItemJson('S03', { appliesTo: { scope: 'area', areaTypes: 'some' } }),
      complianceItemJson('S04', { appliesTo: { scope: 'room' } }),
    ]);
    expect(problemsOf(json)).toEqual([
      'safety.json: item S01 → appliesTo.areaTypes: must list at least one area type (or be "all")',
      'safety.json: item S02 → appliesTo.areaTypes: must not list an area type twice',
      'safety.json: item S03 → appliesTo.areaTypes: must be "all" or a list of area types',
      'safety.json: item S04 → appliesTo.scope: must have scope "ward" or "area"',
    ]);
  });
});
