// Small valid templates as plain JSON, for tests to break one field at a time.

export function complianceItemJson(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    sectionId: 'main',
    question: `Is item ${id} in good order on this ward?`,
    guidance: {
      whatGoodLooksLike: 'Everything is in good order and working.',
      whatToCheck: 'Look at it and ask the staff on shift.',
    },
    appliesTo: { scope: 'ward' },
    response: { type: 'yes_partial_no', allowNa: false },
    weight: 2,
    critical: false,
    references: [{ doc: 'HBN 03-01' }],
    ...overrides,
  };
}

export function safetyTemplateJson(items: Record<string, unknown>[] = [complianceItemJson('S01'), complianceItemJson('S07')]) {
  return {
    schemaVersion: 1,
    templateId: 'safety',
    domain: 'safety',
    version: '2026.1',
    title: 'Safety (test)',
    description: 'A small template used by the tests.',
    status: 'proposed',
    publishedOn: '2026-11-23',
    ragThresholds: { green: 85, amber: 65 },
    completenessThreshold: 90,
    sections: [{ id: 'main', title: 'Main section' }],
    items,
  };
}

export function ligaturePromptJson(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    sectionId: 'main',
    question: `Could anything checked by prompt ${id} hold a ligature?`,
    guidance: {
      whatGoodLooksLike: 'Every fitting is flush or anti-ligature.',
      whatToCheck: 'Check every fitting within reach of a patient.',
    },
    appliesTo: { scope: 'area', areaTypes: ['bedroom'] },
    lookFor: ['Door handle'],
    references: [{ doc: 'CQC / MH Nurse Directors Forum ligature guidance 2023' }],
    ...overrides,
  };
}

export function ligatureTemplateJson(items: Record<string, unknown>[] = [ligaturePromptJson('L01')]) {
  return {
    schemaVersion: 1,
    templateId: 'ligature',
    domain: 'ligature',
    version: '2026.1',
    title: 'Ligature (test)',
    description: 'A small template used by the tests.',
    status: 'proposed',
    publishedOn: '2026-11-23',
    completenessThreshold: 100,
    sections: [{ id: 'main', title: 'Main section' }],
    items,
  };
}
