import type { Core } from '../../src/core';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import type { Input, Operation, Output } from '../../src/shared/contract';
import { defaultTierFor, type AreaType } from '../../src/shared/domain/estate';
import { itemInstances, type AreaForApplicability } from '../../src/shared/templates';
import { goodValue } from '../helpers/assessments';

/** The board of the national estate whose ward count is nearest to `wards` (a board of 40 wards for the report benchmarks). */
export function boardWithWardsNearest(core: Core, wards: number): { boardId: string; wards: number } {
  const counts = core.store.sqlite
    .prepare('SELECT s.board_id AS boardId, count(*) AS wards FROM wards w JOIN sites s ON s.id = w.site_id GROUP BY s.board_id')
    .all() as { boardId: string; wards: number }[];
  return counts.sort((a, b) => Math.abs(a.wards - wards) - Math.abs(b.wards - wards))[0]!;
}

/** Calls an operation and returns its data, throwing on a refusal (a benchmark must not time failures). */
export async function must<O extends Operation>(core: Core, operation: O, input: Input<O>): Promise<Output<O>> {
  const result = await core.dispatch(operation, input);
  if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
  return result.data as Output<O>;
}

/**
 * A new draft assessment of the largest ward of the national estate, and the answers an assessor
 * would give to each of its item instances (alternating compliant and "partial"/grade C values,
 * so every recording really changes the stored row).
 */
export async function draftOnLargestWard(core: Core) {
  const wards = scoredWards(core.store.db);
  const largest = [...wards].sort((a, b) => b.ward.bedCount - a.ward.bedCount)[0]!;
  return draftOn(core, largest.ward);
}

/** A new ward of the national estate with these areas (default tiers), and a draft of it, as draftOnLargestWard. */
export async function draftOnNewWard(core: Core, name: string, areas: [AreaType, string][]) {
  const board = (await must(core, 'boards.list', {}))[0]!;
  const site = (await must(core, 'sites.list', { boardId: board.id }))[0]!;
  const ward = await must(core, 'wards.create', { siteId: site.id, name, type: 'adult_acute', bedCount: areas.filter(([t]) => t === 'bedroom').length || 1, sexDesignation: 'mixed' });
  for (const [type, areaName] of areas) await must(core, 'areas.create', { wardId: ward.id, type, name: areaName, supervisionTier: defaultTierFor(type) });
  return draftOn(core, ward);
}

async function draftOn(core: Core, ward: { id: string; bedCount: number }) {
  const draft = await must(core, 'assessments.start', {
    wardId: ward.id,
    round: '2027/28',
    assessedOn: '2027-09-30',
    announced: true,
    assessors: [{ name: 'Bench Assessor', role: 'estates' }],
  });
  const areas: AreaForApplicability[] = draft.areas.map((a) => ({ id: a.areaId, type: a.type as AreaForApplicability['type'], supervisionTier: a.supervisionTier }));
  type Item = Output<'templates.get'>['items'][number];
  const instances: ReturnType<typeof itemInstances<Item>> = [];
  for (const key of Object.values(draft.templates)) {
    const template = await must(core, 'templates.get', { key });
    instances.push(...itemInstances(template.items as Item[], areas));
  }
  const assessorId = draft.assessors[0]!.id;
  const answerFor = (i: number): Input<'answers.record'> => {
    const { item, areaId } = instances[i % instances.length]!;
    const good = goodValue(item);
    const other = good === 'A' ? 'C' : good === 'yes' && 'response' in item && item.response.type === 'yes_partial_no' ? 'partial' : good;
    return { assessmentId: draft.id, itemId: item.id, areaId, value: Math.floor(i / instances.length) % 2 === 0 ? good : other, assessorId };
  };
  return { draft, ward, areas: areas.length, instances: instances.length, answerFor };
}
