import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, insertAssessment, makeWard, type TestCore } from '../helpers/core';

let core: TestCore;
afterEach(() => core?.close());

describe('estate register', () => {
  it('creates, lists, renames and removes boards, sites, wards and areas', () => {
    core = createTestCore();
    const board = core.call('boards.create', { name: '  NHS Example  ', code: 'S08000099' });
    expect(board).toMatchObject({ name: 'NHS Example', code: 'S08000099', siteCount: 0, wardCount: 0 });

    const site = core.call('sites.create', { boardId: board.id, name: 'Example Royal', eamsSiteCode: 'EX-01' });
    const ward = core.call('wards.create', {
      siteId: site.id,
      name: 'Ward 5',
      type: 'ipcu',
      bedCount: 8,
      sexDesignation: 'male',
      block: 'North block',
      eamsBlockCode: 'B2',
    });
    const bedroom = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    core.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 10', supervisionTier: 3 });
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 2', supervisionTier: 3 });

    expect(core.call('boards.list', {})).toEqual([expect.objectContaining({ id: board.id, siteCount: 1, wardCount: 1 })]);
    expect(core.call('wards.get', { id: ward.id })).toMatchObject({ areaCount: 4, assessmentCount: 0, block: 'North block' });
    expect(core.call('areas.list', { wardId: ward.id }).map((a) => a.name)).toEqual(['Bedroom 1', 'Bedroom 2', 'Bedroom 10', 'Lounge']);
    expect(bedroom).toMatchObject({ supervisionTier: 3, defaultTier: 3, tierOverrideReason: null });

    expect(core.call('boards.rename', { id: board.id, name: 'NHS Renamed' }).name).toBe('NHS Renamed');
    expect(core.call('sites.rename', { id: site.id, name: 'Renamed Royal' }).name).toBe('Renamed Royal');
    const updated = core.call('wards.update', {
      id: ward.id,
      name: 'Ward 5 IPCU',
      type: 'ipcu',
      bedCount: 10,
      sexDesignation: 'male',
    });
    expect(updated).toMatchObject({ name: 'Ward 5 IPCU', bedCount: 10, block: null, eamsBlockCode: null });

    expect(core.call('areas.remove', { id: bedroom.id }).removed.areas).toBe(1);
    expect(core.call('boards.remove', { id: board.id }).removed).toEqual({ sites: 1, wards: 1, areas: 3 });
    expect(core.call('boards.list', {})).toEqual([]);
    const leftovers = core.store.sqlite.prepare('SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM wards) + (SELECT count(*) FROM areas) AS n').get();
    expect(leftovers).toEqual({ n: 0 });
  });

  it('keeps a tier override only with a reason, and drops the reason when the tier returns to the default', () => {
    core = createTestCore();
    const { ward } = makeWard(core);
    const refused = core.raw('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['tierOverrideReason'] }] } });

    const lounge = core.call('areas.create', {
      wardId: ward.id,
      type: 'lounge',
      name: 'Lounge',
      supervisionTier: 1,
      tierOverrideReason: 'Staffed at all times from the adjoining staff base',
    });
    expect(lounge).toMatchObject({ supervisionTier: 1, defaultTier: 2, tierOverrideReason: 'Staffed at all times from the adjoining staff base' });

    const back = core.call('areas.update', { id: lounge.id, type: 'lounge', name: 'Lounge', supervisionTier: 2, tierOverrideReason: 'left over' });
    expect(back.tierOverrideReason).toBeNull();
  });

  it('refuses duplicate names among siblings, ignoring case, naming the field', () => {
    core = createTestCore();
    const { board, site, ward } = makeWard(core);
    expect(core.raw('boards.create', { name: board.name.toUpperCase() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: [{ path: ['name'] }] },
    });
    expect(core.raw('wards.create', { siteId: site.id, name: 'test ward', type: 'other', bedCount: 4, sexDesignation: 'female' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already exists') },
    });
    // The same name under another parent is fine.
    const other = core.call('sites.create', { boardId: board.id, name: 'Other Site' });
    expect(core.call('wards.create', { siteId: other.id, name: 'Test Ward', type: 'other', bedCount: 4, sexDesignation: 'female' }).name).toBe('Test Ward');
    expect(core.raw('areas.update', { id: ward.id, type: 'bedroom', name: 'x', supervisionTier: 3 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to remove a ward, site or board that has assessments, and removes nothing', () => {
    core = createTestCore();
    const { board, site, ward } = makeWard(core);
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    insertAssessment(core, ward.id);
    insertAssessment(core, ward.id);
    const auditBefore = core.call('audit.list', { limit: 500 }).length;

    for (const [operation, id] of [['wards.remove', ward.id], ['sites.remove', site.id], ['boards.remove', board.id]] as const) {
      const result = core.raw(operation, { id });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!result.ok) {
        expect(result.error.message).toContain(operation === 'wards.remove' ? 'it is part of 2 assessments' : 'it has assessed wards: Test Ward (2 assessments)');
      }
    }
    expect(core.call('wards.get', { id: ward.id })).toMatchObject({ areaCount: 1, assessmentCount: 2 });
    expect(core.call('audit.list', { limit: 500 }).length).toBe(auditBefore);
  });

  it('refuses to remove an area an assessment covered, and removes an unassessed one', () => {
    core = createTestCore();
    const { ward } = makeWard(core);
    const assessed = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessmentId = insertAssessment(core, ward.id);
    core.store.sqlite
      .prepare("INSERT INTO assessment_areas (assessment_id, area_id, name, type, supervision_tier) VALUES (?, ?, 'Bedroom 1', 'bedroom', 3)")
      .run(assessmentId, assessed.id);
    const added = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 2', supervisionTier: 3 });
    const auditBefore = core.call('audit.list', { limit: 500 }).length;

    const refused = core.raw('areas.remove', { id: assessed.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toContain('The area "Bedroom 1" cannot be removed because it is part of 1 assessment.');
    expect(core.call('audit.list', { limit: 500 }).length).toBe(auditBefore);

    expect(core.call('areas.remove', { id: added.id }).removed.areas).toBe(1);
    expect(core.call('areas.list', { wardId: ward.id }).map((a) => a.name)).toEqual(['Bedroom 1']);
  });

  it('rejects bad input with a structured error per field and writes nothing', () => {
    core = createTestCore();
    const { site } = makeWard(core);
    const result = core.raw('wards.create', { siteId: site.id, name: '   ', type: 'castle', bedCount: 0, sexDesignation: 'mixed', eamsBlockCode: 'bad;code' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.map((f) => f.path.join('.')).sort()).toEqual(['bedCount', 'eamsBlockCode', 'name', 'type']);
    expect(core.call('wards.list', { siteId: site.id })).toHaveLength(1);
    expect(core.raw('no.such.operation', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(core.raw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('loads the demo estate once: 1 board, 3 sites, 12 wards of several types with their areas', () => {
    core = createTestCore();
    expect(core.call('app.info', {}).estateIsEmpty).toBe(true);
    const seeded = core.call('demo.seed', {});
    expect(seeded).toMatchObject({ sites: 3, wards: 12 });
    expect(seeded.areas).toBeGreaterThan(300);
    expect(core.call('app.info', {}).estateIsEmpty).toBe(false);
    const sites = core.call('sites.list', { boardId: seeded.boardId });
    const wards = sites.flatMap((s) => core.call('wards.list', { siteId: s.id }));
    expect(new Set(wards.map((w) => w.type)).size).toBeGreaterThanOrEqual(8);
    expect(core.raw('demo.seed', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('gives the board, site and ward above a record for breadcrumbs', () => {
    core = createTestCore();
    const { board, site, ward } = makeWard(core);
    expect(core.call('estate.path', { wardId: ward.id })).toEqual({
      board: { id: board.id, name: board.name },
      site: { id: site.id, name: site.name },
      ward: { id: ward.id, name: ward.name },
    });
    expect(core.call('estate.path', { siteId: site.id }).ward).toBeNull();
    expect(core.raw('estate.path', { siteId: site.id, wardId: ward.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
