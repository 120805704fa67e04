import { describe, expect, it } from 'vitest';
import { contract, OPERATIONS, type Operation } from '../../src/shared/contract';
import { createTestCore } from '../helpers/core';

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
];

const KEY_FOR: Partial<Record<Operation, string>> = {
  'boards.create': 'board',
  'sites.create': 'site',
  'wards.create': 'ward',
  'areas.create': 'area',
};

describe('the contract', () => {
  it('has a sample for every operation', () => {
    expect(SAMPLES.map(([op]) => op).sort()).toEqual([...OPERATIONS].sort());
  });

  it('carries every input and output unchanged through JSON, and outputs match their schemas', () => {
    const core = createTestCore();
    const ids: Record<string, string> = {};
    for (const [operation, sample] of SAMPLES) {
      const input = sample(ids);
      const result = core.dispatch(operation, JSON.parse(JSON.stringify(input)));
      expect(result.ok, `${operation}: ${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) continue;
      const viaJson = JSON.parse(JSON.stringify(result.data)) as unknown;
      expect(viaJson, operation).toEqual(result.data);
      const parsed = contract[operation].output.safeParse(viaJson);
      expect(parsed.success, `${operation} output: ${parsed.error?.message}`).toBe(true);
      const key = KEY_FOR[operation];
      if (key) ids[key] = (result.data as { id: string }).id;
    }
    core.close();
  });
});
