import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, OPERATIONS, type Operation } from '../../src/shared/contract';
import { serialiseReturn } from '../../src/shared/exchange/serialise';
import { answerAll, goodValue, instancesOf, startAssessment } from '../helpers/assessments';
import { RESOURCES, createTestCore, tempDir, type TestCore } from '../helpers/core';
import { HEAVY_TEST_MS } from '../helpers/budgets';

// Every operation carries only JSON-safe data, so IPC, HTTP and the CLI deliver the same thing.
// The samples run in order against a real database; a new operation must add its sample here.

type Sample = (ids: Record<string, string>) => unknown;

const SAMPLES: [Operation, Sample][] = [
  ['app.info', () => ({})],
  ['demo.seed', () => ({})],
  ['boards.create', () => ({ name: 'NHS Sample', code: 'S08000001' })],
  ['boards.list', () => ({})],
  ['boards.get', (ids) => ({ id: ids.board })],
  ['boards.rename', (ids) => ({ id: ids.board, name: 'NHS Sample Renamed' })],
  ['sites.create', (ids) => ({ boardId: ids.board, name: 'Sample Site', eamsSiteCode: 'S-1' })],
  ['sites.list', (ids) => ({ boardId: ids.board })],
  ['sites.get', (ids) => ({ id: ids.site })],
  ['sites.rename', (ids) => ({ id: ids.site, name: 'Sample Site Renamed' })],
  ['wards.create', (ids) => ({ siteId: ids.site, name: 'Łódź Ward', type: 'camhs', bedCount: 9, sexDesignation: 'mixed', block: 'East', eamsBlockCode: 'E1' })],
  ['wards.list', (ids) => ({ siteId: ids.site })],
  ['wards.get', (ids) => ({ id: ids.ward })],
  ['wards.update', (ids) => ({ id: ids.ward, name: 'Łódź Ward', type: 'camhs', bedCount: 10, sexDesignation: 'female' })],
  ['areas.create', (ids) => ({ wardId: ids.ward, type: 'garden', name: 'Garden', supervisionTier: 3, tierOverrideReason: 'Unsupervised access at night' })],
  ['areas.list', (ids) => ({ wardId: ids.ward })],
  ['areas.update', (ids) => ({ id: ids.area, type: 'garden', name: 'Courtyard', supervisionTier: 2 })],
  ['estate.path', (ids) => ({ wardId: ids.ward })],
  ['audit.list', (ids) => ({ entityId: ids.ward, limit: 5 })],
  ['areas.remove', (ids) => ({ id: ids.area })],
  ['wards.remove', (ids) => ({ id: ids.ward })],
  ['sites.remove', (ids) => ({ id: ids.site })],
  ['boards.remove', (ids) => ({ id: ids.board })],
  ['templates.list', () => ({})],
  ['templates.get', () => ({ key: 'safety@2026.1' })],
  ['templates.install', () => ({ fileName: 'safety.json', content: JSON.stringify(SAFETY) })],
  ['templates.preview', () => ({ fileName: 'safety.json', content: JSON.stringify(SAFETY) })],
  ['templates.setCurrent', () => ({ key: 'safety@2026.1' })],
  ['templates.diff', () => ({ fromKey: 'safety@2026.1', toKey: 'safety@2026.1' })],
  ['assessments.start', (ids) => ({ wardId: ids.demoWard, assessedOn: '2026-11-23', round: '2026/27', announced: false, assessors: [{ name: 'Ailsa Grant', role: 'estates' }] })],
  ['assessments.get', (ids) => ({ id: ids.assessment })],
  ['assessments.updateDetails', (ids) => ({ id: ids.assessment, assessedOn: '2026-11-22', round: '2026/27', announced: true })],
  ['assessments.listForWard', (ids) => ({ wardId: ids.demoWard })],
  ['answers.record', (ids) => ({ assessmentId: ids.assessment, itemId: 'Q01', areaId: null, value: 'B', note: 'Roof patched 2025', assessorId: ids.assessor })],
  ['answers.list', (ids) => ({ assessmentId: ids.assessment })],
  ['ligaturePoints.create', (ids) => ({ assessmentId: ids.assessment, areaId: ids.bedroom, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer arm', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId: ids.assessor })],
  ['ligaturePoints.list', (ids) => ({ assessmentId: ids.assessment })],
  ['ligaturePoints.update', (ids) => ({ id: ids.point, areaId: ids.bedroom, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer arm, tested', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId: ids.assessor })],
  ['actions.create', (ids) => ({ assessmentId: ids.assessment, ligaturePointId: ids.point, type: 'replace', description: 'Fit a concealed closer', owner: 'Estates manager', dueDate: '2027-01-31', priority: 'high', status: 'open' })],
  ['actions.list', (ids) => ({ assessmentId: ids.assessment })],
  ['actions.update', (ids) => ({ id: ids.action, type: 'replace', description: 'Fit a concealed closer', owner: 'Estates manager', dueDate: '2027-01-31', priority: 'high', status: 'on_track' })],
  ['assessments.score', (ids) => ({ id: ids.assessment })],
  ['compare.data', () => ({ level: 'nation', wardTypes: ['adult_acute', 'camhs'], round: '2026/27', includeDrafts: true })],
  ['compare.drill', (ids) => ({ assessmentId: ids.assessment, domain: 'ligature' })],
  ['reports.rounds', (ids) => ({ boardId: ids.demoBoard, includeDrafts: true })],
  ['reports.ward', (ids) => ({ assessmentId: ids.assessment })],
  ['reports.site', (ids) => ({ siteId: ids.demoSite, includeDrafts: true })],
  ['reports.board', (ids) => ({ boardId: ids.demoBoard, round: '2026/27', includeDrafts: true })],
  ['signing.createKey', (ids) => ({ boardId: ids.demoBoard })],
  ['signing.exportPublicKey', (ids) => ({ boardId: ids.demoBoard })],
  ['signing.registerKey', (ids) => ({ fileName: 'demo-public-key.json', content: ids.publicKey })],
  ['signing.setUnsignedReturns', () => ({ policy: 'refuse' })],
  ['signing.status', () => ({})],
  ['exchange.export', (ids) => ({ boardId: ids.demoBoard })],
  ['exchange.exportCsv', (ids) => ({ boardId: ids.demoBoard, includeDrafts: true })],
  ['exchange.verify', (ids) => ({ fileName: 'demo-return.json', content: ids.exchangeFile })],
  ['exchange.import', (ids) => ({ fileName: 'demo-return.json', content: ids.exchangeFile })],
  ['signing.removeKey', (ids) => ({ keyId: ids.keyId })],
  ['backups.create', () => ({})],
  ['backups.list', () => ({})],
  ['backups.restore', (ids) => ({ name: ids.backup })],
  ['recovery.startEmpty', () => ({})],
  ['assessments.progress', (ids) => ({ assessmentId: ids.assessment })],
  ['assessments.addArea', (ids) => ({ assessmentId: ids.assessment, type: 'quiet_room', name: 'Sensory room', supervisionTier: 3, tierOverrideReason: 'Used alone at night' })],
  ['assessments.setRoute', (ids) => ({ assessmentId: ids.assessment, route: JSON.parse(ids.route!) as string[] })],
  ['answers.noFindings', (ids) => ({ assessmentId: ids.assessment, areaId: ids.lounge, assessorId: ids.assessor })],
  ['fills.list', (ids) => ({ assessmentId: ids.assessment })],
  ['fills.undo', (ids) => ({ fillId: ids.fill, assessorId: ids.assessor })],
  ['answers.fillFromSample', (ids) => ({ assessmentId: ids.assessment, sourceAreaId: ids.bedroom, targetAreaIds: JSON.parse(ids.otherBedrooms!) as string[], assessorId: ids.assessor })],
  ['ligaturePoints.confirmCopy', (ids) => ({ id: ids.copiedPoint, assessorId: ids.assessor })],
  ['ligaturePoints.rejectCopy', (ids) => ({ id: ids.copiedPoint2, assessorId: ids.assessor })],
  ['photos.add', (ids) => ({ assessmentId: ids.assessment, ligaturePointId: ids.point, fileName: 'closer.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, caption: 'Closer arm', assessorId: ids.assessor })],
  ['photos.list', (ids) => ({ assessmentId: ids.assessment, ligaturePointId: ids.point })],
  ['photos.get', (ids) => ({ id: ids.photo })],
  ['photos.update', (ids) => ({ id: ids.photo, caption: 'Closer arm, patient side', markup: [{ kind: 'arrow', x1: 0.1, y1: 0.1, x2: 0.5, y2: 0.5 }, { kind: 'circle', x: 0.5, y: 0.5, r: 0.2 }, { kind: 'label', x: 0.2, y: 0.8, text: 'Closer' }], assessorId: ids.assessor })],
  ['photos.remove', (ids) => ({ id: ids.photo })],
  ['handouts.exportRegister', (ids) => ({ boardId: ids.demoBoard, wardId: ids.demoWard })],
  ['handouts.exportAssessment', (ids) => ({ assessmentId: ids.assessment, includePhotos: false })],
  ['handouts.import', (ids) => ({ fileName: 'handout.json', content: ids.handoutFile, into: ids.assessment })],
  ['assignments.set', (ids) => ({ assessmentId: ids.assessment, areaIds: [ids.bedroom], assessorId: ids.assessor })],
  ['device.rename', () => ({ name: 'Ward laptop 2' })],
  ['merge.conflicts', (ids) => ({ assessmentId: ids.assessment })],
  ['merge.resolve', (ids) => ({ assessmentId: ids.assessment, kind: 'answer', recordId: ids.conflictId, keep: ids.conflictKeep })],
  ['merge.combineAreas', (ids) => ({ assessmentId: ids.assessment, keepAreaId: ids.sameRoom1, removeAreaId: ids.sameRoom2 })],
  ['merge.renameArea', (ids) => ({ assessmentId: ids.assessment, areaId: ids.bedroom, name: 'Bedroom 1A' })],
  ['merge.status', (ids) => ({ assessmentId: ids.assessment })],
  ['assessments.signOffCheck', (ids) => ({ assessmentId: ids.assessment })],
  ['assessments.signOff', (ids) => ({ assessmentId: ids.assessment, signedOffBy: ids.assessor })],
  ['rechecks.list', (ids) => ({ assessmentId: ids.round2 })],
  ['rechecks.decide', (ids) => ({ recheckId: ids.recheck, outcome: 'still_present', note: 'Closer still fitted', assessorId: ids.assessor2 })],
  ['ligaturePoints.history', (ids) => ({ lineageId: ids.point })],
];

/** A 1×1 PNG. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Setup an operation's sample needs beyond the operations before it. */
const BEFORE: Partial<Record<Operation, (core: TestCore, ids: Record<string, string>) => void>> = {
  'assessments.setRoute': (core, ids) => {
    const assessment = core.call('assessments.get', { id: ids.assessment! });
    ids.route = JSON.stringify([...assessment.areas.map((a) => a.areaId).reverse(), 'ward']);
  },
  'answers.fillFromSample': (core, ids) => {
    // The sample bedroom fully answered, with its L01 ligature point found: "risk present".
    const assessment = core.call('assessments.get', { id: ids.assessment! });
    const here = instancesOf(core, assessment).filter((i) => i.areaId === ids.bedroom);
    for (const { item, areaId } of here) {
      core.call('answers.record', { assessmentId: ids.assessment!, itemId: item.id, areaId, value: item.id === 'L01' ? 'risk_present' : goodValue(item), assessorId: ids.assessor! });
    }
    ids.otherBedrooms = JSON.stringify(assessment.areas.filter((a) => a.type === 'bedroom' && a.areaId !== ids.bedroom).slice(0, 2).map((a) => a.areaId));
  },
  'assessments.signOff': (core, ids) => {
    answerAll(core, ids.assessment!);
  },
  'merge.resolve': (core, ids) => {
    // After the hand-out, a second device and this one answer Q01 differently: one conflict.
    const other = createTestCore();
    other.call('handouts.import', { fileName: 'handout.json', content: ids.handoutFile! });
    other.call('answers.record', { assessmentId: ids.assessment!, itemId: 'Q01', areaId: null, value: 'D', assessorId: ids.assessor! });
    core.call('answers.record', { assessmentId: ids.assessment!, itemId: 'Q01', areaId: null, value: 'A', assessorId: ids.assessor! });
    core.call('handouts.import', { fileName: 'back.json', content: other.call('handouts.exportAssessment', { assessmentId: ids.assessment! }).content });
    other.close();
    const conflict = core.call('merge.conflicts', { assessmentId: ids.assessment! }).conflicts[0]!;
    ids.conflictId = conflict.id;
    ids.conflictKeep = conflict.versions[0]!.key;
  },
  'merge.combineAreas': (core, ids) => {
    // Both devices add "Store room": the same room recorded twice.
    const other = createTestCore();
    other.call('handouts.import', { fileName: 'handout.json', content: core.call('handouts.exportAssessment', { assessmentId: ids.assessment! }).content });
    ids.sameRoom2 = other.call('assessments.addArea', { assessmentId: ids.assessment!, type: 'laundry', name: 'Store room', supervisionTier: 2 }).area.id;
    ids.sameRoom1 = core.call('assessments.addArea', { assessmentId: ids.assessment!, type: 'laundry', name: 'Store room', supervisionTier: 2 }).area.id;
    core.call('handouts.import', { fileName: 'back.json', content: other.call('handouts.exportAssessment', { assessmentId: ids.assessment! }).content });
    other.close();
  },
  'rechecks.list': (core, ids) => {
    const next = startAssessment(core, ids.demoWard!, { round: '2027/28', assessedOn: '2027-11-20' });
    ids.round2 = next.id;
    ids.assessor2 = next.assessors[0]!.id;
    ids.recheck = core.call('rechecks.list', { assessmentId: next.id }).find((r) => r.subject === 'ligature_point')!.id;
  },
};

const SAFETY = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'checklists', 'safety.json'), 'utf8')) as unknown;

/** Operations that only work while the database is damaged (recovery mode): run on a damaged one. */
function coreFor(operation: Operation, core: TestCore): TestCore {
  if (operation !== 'recovery.startEmpty') return core;
  const file = path.join(tempDir(), 'estates.sqlite');
  fs.writeFileSync(file, Buffer.alloc(8192, 0x78));
  return createTestCore({ file });
}

const KEY_FOR: Partial<Record<Operation, string>> = {
  'boards.create': 'board',
  'sites.create': 'site',
  'wards.create': 'ward',
  'areas.create': 'area',
  'assessments.start': 'assessment',
  'ligaturePoints.create': 'point',
  'actions.create': 'action',
  'photos.add': 'photo',
};

describe('the contract', () => {
  it('has a sample for every operation', () => {
    expect(SAMPLES.map(([op]) => op).sort()).toEqual([...OPERATIONS].sort());
  });

  it('carries every input and output unchanged through JSON, and outputs match their schemas', { timeout: HEAVY_TEST_MS }, async () => {
    const core = createTestCore();
    const ids: Record<string, string> = {};
    for (const [operation, sample] of SAMPLES) {
      BEFORE[operation]?.(core, ids);
      const input = sample(ids);
      const result = await coreFor(operation, core).dispatch(operation, JSON.parse(JSON.stringify(input)));
      expect(result.ok, `${operation}: ${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) continue;
      const viaJson = JSON.parse(JSON.stringify(result.data)) as unknown;
      expect(viaJson, operation).toEqual(result.data);
      const parsed = contract[operation].output.safeParse(viaJson);
      expect(parsed.success, `${operation} output: ${parsed.error?.message}`).toBe(true);
      const key = KEY_FOR[operation];
      if (key) ids[key] = (result.data as { id: string }).id;
      if (operation === 'backups.create') ids.backup = (result.data as { name: string }).name;
      if (operation === 'demo.seed') {
        const boardId = (result.data as { boardId: string }).boardId;
        const site = core.call('sites.list', { boardId })[0]!;
        ids.demoBoard = boardId;
        ids.demoSite = site.id;
        ids.demoWard = core.call('wards.list', { siteId: site.id })[0]!.id;
        ids.demoBoard = boardId;
      }
      if (operation === 'exchange.export') ids.exchangeFile = serialiseReturn(result.data);
      if (operation === 'handouts.exportAssessment') ids.handoutFile = (result.data as { content: string }).content;
      if (operation === 'answers.noFindings') ids.fill = (result.data as { fill: { id: string } }).fill.id;
      if (operation === 'answers.fillFromSample') {
        const [first, second] = (result.data as { points: { id: string }[] }).points;
        ids.copiedPoint = first!.id;
        ids.copiedPoint2 = second!.id;
      }
      if (operation === 'signing.exportPublicKey') ids.publicKey = (result.data as { content: string }).content;
      if (operation === 'signing.registerKey') ids.keyId = (result.data as { keyId: string }).keyId;
      if (operation === 'assessments.start') {
        const assessment = result.data as { assessors: { id: string }[]; areas: { areaId: string; type: string }[] };
        ids.assessor = assessment.assessors[0]!.id;
        ids.bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
        ids.lounge = assessment.areas.find((a) => a.type === 'lounge')!.areaId;
      }
    }
    core.close();
  });
});
