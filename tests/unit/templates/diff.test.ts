import { describe, expect, it } from 'vitest';
import { diffTemplates, parseTemplate, type Template } from '../../../src/shared/templates';
import { loadTemplate } from './real-templates';
import { complianceItemJson, ligaturePromptJson, ligatureTemplateJson, safetyTemplateJson } from './template-factory';

function safety(items: Record<string, unknown>[], extra: Record<string, unknown> = {}): Template {
  return parseTemplate({ ...safetyTemplateJson(items), ...extra }, 'safety.json');
}

describe('diffTemplates', () => {
  it('finds nothing between a template and itself, and calls the two comparable', () => {
    const template = loadTemplate('safety');
    const diff = diffTemplates(template, template);
    expect(diff).toMatchObject({ added: [], removed: [], reworded: [], reweighted: [], rescoped: [], thresholdsChanged: false });
    expect(diff.comparable).toBe(true);
  });

  it('lists added and removed items by id', () => {
    const before = safety([complianceItemJson('S01'), complianceItemJson('S02')]);
    const after = safety([complianceItemJson('S02'), complianceItemJson('S03')], { version: '2027.1' });
    const diff = diffTemplates(before, after);
    expect(diff.added).toEqual(['S03']);
    expect(diff.removed).toEqual(['S01']);
    expect(diff.fromVersion).toBe('2026.1');
    expect(diff.toVersion).toBe('2027.1');
    expect(diff.comparable).toBe(false);
  });

  it('calls a change of question or guidance wording a rewording, which keeps scores comparable', () => {
    const before = safety([complianceItemJson('S01')]);
    const after = safety([
      complianceItemJson('S01', {
        question: 'Is item S01 in good working order on this ward?',
        guidance: { whatGoodLooksLike: 'All of it is in good order and working.', whatToCheck: 'Look at it and ask the staff on shift.' },
      }),
    ]);
    const diff = diffTemplates(before, after);
    expect(diff.reworded).toEqual([{ itemId: 'S01', fields: ['question', 'guidance'] }]);
    expect(diff.reweighted).toEqual([]);
    expect(diff.comparable).toBe(true);
  });

  it('reports a change of weight or critical flag with the values before and after', () => {
    const before = safety([complianceItemJson('S01'), complianceItemJson('S02', { weight: 3, critical: true })]);
    const after = safety([complianceItemJson('S01', { weight: 3 }), complianceItemJson('S02', { weight: 3, critical: false })]);
    expect(diffTemplates(before, after).reweighted).toEqual([
      { itemId: 'S01', from: { weight: 2, critical: false }, to: { weight: 3, critical: false } },
      { itemId: 'S02', from: { weight: 3, critical: true }, to: { weight: 3, critical: false } },
    ]);
  });

  it('reports where an item is asked, how it is answered or which section it sits in as a re-scoping', () => {
    const json = safetyTemplateJson([
      complianceItemJson('S01'),
      complianceItemJson('S02', { appliesTo: { scope: 'area', areaTypes: ['bedroom'] } }),
    ]);
    const before = parseTemplate(json, 'safety.json');
    const after = parseTemplate(
      {
        ...json,
        sections: [...json.sections, { id: 'other', title: 'Other section' }],
        items: [
          complianceItemJson('S01', { response: { type: 'yes_partial_no', allowNa: true }, sectionId: 'other' }),
          complianceItemJson('S02', { appliesTo: { scope: 'area', areaTypes: ['bedroom', 'en_suite'] } }),
        ],
      },
      'safety.json',
    );
    const diff = diffTemplates(before, after);
    expect(diff.rescoped).toEqual([
      { itemId: 'S01', fields: ['sectionId', 'response'] },
      { itemId: 'S02', fields: ['appliesTo'] },
    ]);
    expect(diff.comparable).toBe(false);
  });

  it('ignores key order inside nested fields', () => {
    const before = safety([complianceItemJson('S01', { appliesTo: { scope: 'area', areaTypes: ['bedroom'], minTier: 2 } })]);
    const after = safety([complianceItemJson('S01', { appliesTo: { minTier: 2, areaTypes: ['bedroom'], scope: 'area' } })]);
    expect(diffTemplates(before, after).rescoped).toEqual([]);
  });

  it('flags changed RAG or completeness thresholds as not comparable', () => {
    const before = safety([complianceItemJson('S01')]);
    expect(diffTemplates(before, safety([complianceItemJson('S01')], { ragThresholds: { green: 90, amber: 65 } }))).toMatchObject({
      thresholdsChanged: true,
      comparable: false,
    });
    expect(diffTemplates(before, safety([complianceItemJson('S01')], { completenessThreshold: 95 })).thresholdsChanged).toBe(true);
  });

  it('compares ligature prompts, which have no weight, by wording and scope', () => {
    const before = parseTemplate(ligatureTemplateJson([ligaturePromptJson('L01')]), 'ligature.json');
    const after = parseTemplate(
      ligatureTemplateJson([ligaturePromptJson('L01', { lookFor: ['Door handle', 'Door closer'] })]),
      'ligature.json',
    );
    const diff = diffTemplates(before, after);
    expect(diff.rescoped).toEqual([{ itemId: 'L01', fields: ['lookFor'] }]);
    expect(diff.reweighted).toEqual([]);
  });

  it('refuses to compare templates of different domains', () => {
    expect(() => diffTemplates(loadTemplate('safety'), loadTemplate('quality'))).toThrow('Cannot compare template safety');
  });
});
