import type { Core } from '../../src/core';
import { serialiseReturn } from '../../src/shared/exchange/serialise';
import { must } from './draft';

// The 14 boards' returns for one round, exported from the national database and written as the
// app and the CLI write them (canonical key order, indented): what NHS Scotland Assure collates.

// One round per return: the whole three-round history of the largest board (NHS Greater Glasgow &
// Clyde, 90 wards) is 57.6 MB of JSON, over the 50 MB an exchange file may hold.
export const ROUND = '2026/27';

export interface BoardReturn {
  fileName: string;
  content: string;
}

export async function nationalReturns(core: Core): Promise<{ returns: BoardReturn[]; largest: BoardReturn; megabytes: number }> {
  const boards = await must(core, 'boards.list', {});
  const returns: BoardReturn[] = [];
  for (const board of boards) {
    const doc = await must(core, 'exchange.export', { boardId: board.id, includePhotos: false, includeDrafts: false, round: ROUND });
    returns.push({ fileName: `${board.name}.json`, content: serialiseReturn(doc) });
  }
  const largest = returns.reduce((a, b) => (b.content.length > a.content.length ? b : a));
  const megabytes = returns.reduce((n, r) => n + Buffer.byteLength(r.content), 0) / 2 ** 20;
  return { returns, largest, megabytes };
}
