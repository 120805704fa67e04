import { describe, expect, it } from 'vitest';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { serialiseReturn } from '../../src/shared/exchange';
import { ExchangeDocument } from '../../src/shared/exchange/schema';
import { createTestCore } from '../helpers/core';
import { answerAll, signOff, startAssessment } from '../helpers/assessments';
import { assessWard, dumpStore, sampleBoard} from '../helpers/exchange';

describe('a board’s return', () => {
  it('holds signed-off assessments only by default, with their templates and scores, and is byte-stable', () => {
    const core = createTestCore();
    const { board, assessmentIds } = sampleBoard(core);
    const document = core.call('exchange.export', { boardId: board.id });
    expect(ExchangeDocument.safeParse(document).success).toBe(true);
    expect(document.assessments.map((a) => a.id).sort()).toEqual([...assessmentIds].sort());
    expect(document.sites).toHaveLength(2);
    expect(document.wards).toHaveLength(3);
    expect(document.areas).toHaveLength(6);
    expect(document.templates.map((t) => t.key).sort()).toEqual(['ligature@2026.1', 'quality@2026.1', 'safety@2026.1', 'therapeutic@2026.1']);
    expect(document.generatedAt).toBe('2026-11-21T16:30:00.000Z');
    expect(document.assessments[0]!.photos).toBeUndefined();
    const again = core.call('exchange.export', { boardId: board.id });
    expect(serialiseReturn(again)).toBe(serialiseReturn(document));

    const withDrafts = core.call('exchange.export', { boardId: board.id, includeDrafts: true });
    expect(withDrafts.assessments).toHaveLength(3);
    expect(withDrafts.digest).not.toBe(document.digest);
  });

  it('export → import into a fresh database → export gives the same digest', () => {
    const source = createTestCore();
    const { board } = sampleBoard(source);
    const first = source.call('exchange.export', { boardId: board.id });
    const content = serialiseReturn(first);

    const collator = createTestCore();
    const report = collator.call('exchange.import', { fileName: 'exchange-test.json', content });
    expect(report).toMatchObject({ status: 'imported', assessmentsAdded: 2, estateRecordsAdded: 1 + 2 + 3 + 6 });
    const second = collator.call('exchange.export', { boardId: board.id });
    expect(second.digest).toBe(first.digest);
    expect(serialiseReturn(second)).toBe(content);
  });

  it('changes nothing, not even the audit log, when the same file is imported again', () => {
    const source = createTestCore();
    const { board } = sampleBoard(source);
    const content = serialiseReturn(source.call('exchange.export', { boardId: board.id }));
    const collator = createTestCore();
    collator.call('exchange.import', { fileName: 'a.json', content });
    const before = dumpStore(collator);
    const again = collator.call('exchange.import', { fileName: 'a.json', content });
    expect(again).toMatchObject({ status: 'already_imported', assessmentsAdded: 0, assessmentsAlreadyHere: 2, estateRecordsAdded: 0, estateRecordsUpdated: 0 });
    expect(dumpStore(collator)).toBe(before);
  });

  it('keeps a later round of a ward beside the earlier one, and takes the later one as current', () => {
    const source = createTestCore();
    const { board, wards, assessmentIds } = sampleBoard(source);
    const collator = createTestCore();
    collator.call('exchange.import', { fileName: 'round-1.json', content: serialiseReturn(source.call('exchange.export', { boardId: board.id })) });

    const later = assessWard(source, wards[0]!.id, 2, '2027/28', '2027-11-02', '2027-11-05T12:00:00.000Z');
    source.call('wards.update', { id: wards[0]!.id, name: 'Ward 1 Birch (refurbished)', type: 'adult_acute', bedCount: 18, sexDesignation: 'mixed' });
    const report = collator.call('exchange.import', { fileName: 'round-2.json', content: serialiseReturn(source.call('exchange.export', { boardId: board.id })) });
    expect(report).toMatchObject({ status: 'imported', assessmentsAdded: 1, assessmentsAlreadyHere: 2, estateRecordsUpdated: 1 });

    const history = collator.call('assessments.listForWard', { wardId: wards[0]!.id });
    expect(history.map((a) => a.id)).toEqual([assessmentIds[0], later]);
    const current = scoredWards(collator.store.db, { wardId: wards[0]!.id });
    expect(current.map((w) => [w.assessment.id, w.assessment.round, w.ward.name])).toEqual([[later, '2027/28', 'Ward 1 Birch (refurbished)']]);
    expect(scoredWards(collator.store.db, { wardId: wards[0]!.id, round: '2026/27' }).map((w) => w.assessment.id)).toEqual([assessmentIds[0]]);
  });

  it('adds an older return’s missing rounds without rolling the register back to its names', () => {
    const source = createTestCore();
    const { board, wards } = sampleBoard(source);
    const older = serialiseReturn(source.call('exchange.export', { boardId: board.id }));
    assessWard(source, wards[0]!.id, 2, '2027/28', '2027-11-02', '2027-11-05T12:00:00.000Z');
    source.call('wards.update', { id: wards[0]!.id, name: 'Ward 1 Birch (refurbished)', type: 'adult_acute', bedCount: 18, sexDesignation: 'mixed' });
    const newer = serialiseReturn(source.call('exchange.export', { boardId: board.id }));

    const collator = createTestCore();
    // Only the later round's file first, as if the earlier e-mail arrived late.
    const newerOnly = JSON.parse(newer) as { assessments: { round: string }[]; digest: string };
    newerOnly.assessments = newerOnly.assessments.filter((a) => a.round === '2027/28');
    newerOnly.digest = exchangeDigest(newerOnly);
    expect(collator.call('exchange.import', { fileName: 'newer.json', content: serialiseReturn(newerOnly) })).toMatchObject({ assessmentsAdded: 1, olderThanHere: false });
    const report = collator.call('exchange.import', { fileName: 'older.json', content: older });
    expect(report).toMatchObject({ status: 'imported', assessmentsAdded: 2, estateRecordsUpdated: 0, olderThanHere: true });
    expect(collator.call('wards.get', { id: wards[0]!.id })).toMatchObject({ name: 'Ward 1 Birch (refurbished)', bedCount: 18 });
  });

  it('declares the same scores the board’s own app shows, whatever order records were read in', () => {
    const source = createTestCore();
    const board = source.call('boards.create', { name: 'NHS Ties' });
    const site = source.call('sites.create', { boardId: board.id, name: 'Tie Site' });
    const ward = source.call('wards.create', { siteId: site.id, name: 'Tie Ward', type: 'adult_acute', bedCount: 10, sexDesignation: 'mixed' });
    source.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(source, ward.id);
    answerAll(source, assessment.id);
    const point = source.call('ligaturePoints.create', {
      assessmentId: assessment.id, areaId: assessment.areas[0]!.areaId, itemId: 'L01', element: 'Wardrobe rail', heightBand: 'above_head', tier: 3,
      description: 'Fixed rail', controls: [{ kind: 'physical_modification', description: 'Collapsible rail on order' }],
      likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 4, severityAfter: 5, assessorId: assessment.assessors[0]!.id,
    });
    // Two open actions on one point with the same target date: which one speaks for it must not depend on read order.
    for (const status of ['overdue', 'on_track'] as const) {
      source.call('actions.create', { assessmentId: assessment.id, ligaturePointId: point.id, type: 'replace', description: `Replace rail (${status})`, owner: 'Estates', dueDate: '2026-11-01', priority: 'urgent', status });
    }
    signOff(source, assessment.id);
    const own = source.call('assessments.score', { id: assessment.id }).scores;
    const declared = source.call('exchange.export', { boardId: board.id }).assessments[0]!.scores.result;
    expect(declared.ligature).toEqual(JSON.parse(JSON.stringify(own.ligature)));
    const collator = createTestCore();
    collator.call('exchange.import', { fileName: 'ties.json', content: serialiseReturn(source.call('exchange.export', { boardId: board.id })) });
    expect(collator.call('assessments.score', { id: assessment.id }).scores.ligature.rating).toBe(own.ligature.rating);
  });

  it('refuses to write a return the collator would refuse, naming the record at fault', () => {
    const core = createTestCore();
    const { board, wards } = sampleBoard(core);
    core.store.sqlite.prepare('UPDATE wards SET bed_count = 500 WHERE id = ?').run(wards[0]!.id);
    const result = core.raw('exchange.export', { boardId: board.id });
    expect(!result.ok && result.error.message).toMatch(/^The return for NHS Exchange Test cannot be written: wards\.\d\.bedCount: Too big/);
  });

  it('writes one CSV per table with a byte order mark, RFC 4180 quoting and formula protection', () => {
    const core = createTestCore();
    const { board } = sampleBoard(core);
    const { files } = core.call('exchange.exportCsv', { boardId: board.id });
    expect(files.map((f) => f.fileName)).toEqual([
      'boards.csv', 'sites.csv', 'wards.csv', 'areas.csv', 'assessments.csv', 'assessors.csv', 'assessment_areas.csv', 'answers.csv', 'ligature_points.csv', 'actions.csv', 'scores.csv',
    ]);
    for (const file of files) {
      expect(file.content.startsWith('\uFEFF')).toBe(true);
      expect(file.content.endsWith('\r\n')).toBe(true);
    }
    const byName = Object.fromEntries(files.map((f) => [f.fileName, f.content]));
    expect(byName['sites.csv']).toContain(',"South ""Royal"", Infirmary",');
    expect(byName['wards.csv']).toContain(",'=Ward 2 Rowan,ipcu,Intensive psychiatric care unit (IPCU),8,");
    // Every stored code has its words beside it, in the app's one vocabulary.
    expect(byName['answers.csv']).toContain(',partial,Partial,');
    expect(byName['actions.csv']).toContain(',replace,Replace with a tested product,');
    expect(byName['ligature_points.csv']).toContain(',above_head,Above head height,');
    expect(byName['ligature_points.csv']).toContain('Electronic detection: Door-top alarm, tested weekly');
    expect(byName['actions.csv']).toContain(",'+Fit a concealed closer,");
    expect(byName['ligature_points.csv']).toContain('"Overhead closer arm, ""standard"" type; fitted 2019"');
    // 2 signed-off assessments × 4 domains, plus the header.
    expect(byName['scores.csv']!.trim().split('\r\n')).toHaveLength(9);
  });
});
