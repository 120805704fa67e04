import type { Output } from '../../src/shared/contract';
import { answerAll, signOff, startAssessment } from './assessments';
import type { TestCore } from './core';

export interface SampleBoard {
  board: Output<'boards.create'>;
  wards: Output<'wards.create'>[];
  assessmentIds: string[];
}

/**
 * A board with two sites and three wards, each with a bedroom and a lounge, every ward assessed
 * (some answers short of compliance, a ligature point with its action) and signed off, plus one
 * ward with a draft that a return must leave out.
 */
export function sampleBoard(core: TestCore, name = 'NHS Exchange Test'): SampleBoard {
  const board = core.call('boards.create', { name, code: 'S08000099' });
  const north = core.call('sites.create', { boardId: board.id, name: 'North Hospital', eamsSiteCode: 'N-1' });
  const south = core.call('sites.create', { boardId: board.id, name: 'South "Royal", Infirmary' });
  const wards = [
    core.call('wards.create', { siteId: north.id, name: 'Ward 1 Birch', type: 'adult_acute', bedCount: 20, sexDesignation: 'mixed' }),
    core.call('wards.create', { siteId: north.id, name: '=Ward 2 Rowan', type: 'ipcu', bedCount: 8, sexDesignation: 'male', block: 'East block' }),
    core.call('wards.create', { siteId: south.id, name: 'Łomond Ward', type: 'older_adult', bedCount: 15, sexDesignation: 'female' }),
  ];
  for (const ward of wards) {
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    core.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
  }
  const assessmentIds = wards.slice(0, 2).map((ward, index) => assessWard(core, ward.id, index));
  // The third ward is still being assessed: a draft, not part of a return by default.
  const draft = startAssessment(core, wards[2]!.id);
  answerAll(core, draft.id);
  return { board, wards, assessmentIds };
}

/** Assesses a ward (one item short of compliance, a ligature point and its action) and signs it off. */
export function assessWard(
  core: TestCore,
  wardId: string,
  variant = 0,
  round = '2026/27',
  assessedOn = '2026-11-20',
  signedOffAt = '2026-11-21T16:30:00.000Z',
): string {
  const assessment = startAssessment(core, wardId, { round, assessedOn });
  // A later round first re-checks last round's ligature points and open actions: here, all gone
  // (this ward's point is recorded afresh below).
  for (const recheck of core.call('rechecks.list', { assessmentId: assessment.id })) {
    core.call('rechecks.decide', { recheckId: recheck.id, outcome: 'removed', assessorId: assessment.assessors[0]!.id });
  }
  let shortfalls = 0;
  answerAll(core, assessment.id, (item) => {
    if ('response' in item && item.response.type === 'yes_partial_no' && shortfalls < 1 + variant) {
      shortfalls += 1;
      return 'partial';
    }
    return undefined;
  });
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!;
  const assessorId = assessment.assessors[0]!.id;
  const point = core.call('ligaturePoints.create', {
    assessmentId: assessment.id,
    areaId: bedroom.areaId,
    itemId: 'L01',
    element: 'Door closer',
    heightBand: 'above_head',
    tier: 3,
    description: 'Overhead closer arm, "standard" type; fitted 2019',
    controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 2,
    severityAfter: 5,
    assessorId,
  });
  core.call('actions.create', {
    assessmentId: assessment.id,
    ligaturePointId: point.id,
    type: 'replace',
    description: '+Fit a concealed closer',
    owner: 'Estates manager',
    dueDate: '2027-01-31',
    priority: 'high',
    status: 'open',
  });
  signOff(core, assessment.id, signedOffAt);
  return assessment.id;
}

/** Every row of every table of the store, in a fixed order: "the database content". */
export function dumpStore(core: TestCore): string {
  const tables = core.store.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    dump[name] = core.store.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
  }
  return JSON.stringify(dump, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value));
}
