import type { Api } from './fixtures';

/** A small estate made through the API: one board, two sites, three wards, five areas. */
export async function makeSmallEstate(api: Api, boardName = 'NHS Glen Test') {
  const board = await api('boards.create', { name: boardName, code: 'S08000099' });
  const north = await api('sites.create', { boardId: board.id, name: 'North Hospital', eamsSiteCode: 'GT-001' });
  const south = await api('sites.create', { boardId: board.id, name: 'South Hospital' });
  const ward = (siteId: string, name: string) =>
    api('wards.create', { siteId, name, type: 'adult_acute', bedCount: 12, sexDesignation: 'mixed' });
  const birch = await ward(north.id, 'Birch Ward');
  const cedar = await ward(north.id, 'Cedar Ward');
  await ward(south.id, 'Larch Ward');
  const area = (wardId: string, name: string, type: 'bedroom' | 'lounge') =>
    api('areas.create', { wardId, name, type, supervisionTier: type === 'bedroom' ? 3 : 2 });
  await area(birch.id, 'Bedroom 1', 'bedroom');
  await area(birch.id, 'Bedroom 2', 'bedroom');
  await area(birch.id, 'Lounge', 'lounge');
  await area(cedar.id, 'Bedroom 1', 'bedroom');
  await area(cedar.id, 'Lounge', 'lounge');
  return { board, sites: { north, south }, wards: { birch, cedar } };
}
