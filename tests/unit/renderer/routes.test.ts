import { describe, expect, it } from 'vitest';
import { href, lateWalkAddress, parseRoute, routeKey, type Route } from '../../../src/renderer/src/routing/routes';

// The app's addresses (hash routes): every page's address reads back as that page, ids survive
// any characters, and an address that matches nothing is "not found" rather than a wrong page.

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe('reading an address', () => {
  it('reads every page of the app from its address', () => {
    const pages: [string, Route][] = [
      ['#/', { page: 'boards' }],
      ['', { page: 'boards' }],
      [`#/boards/${ID}`, { page: 'board', id: ID }],
      [`#/sites/${ID}`, { page: 'site', id: ID }],
      [`#/wards/${ID}`, { page: 'ward', id: ID }],
      [`#/wards/${ID}/assessments/new`, { page: 'assessment-start', wardId: ID }],
      ['#/checklists', { page: 'checklists' }],
      ['#/help', { page: 'help' }],
      ['#/help/help-6-worked-examples', { page: 'help', section: 'help-6-worked-examples' }],
      ['#/compare', { page: 'compare', query: '' }],
      ['#/compare?level=sites&board=b1&types=adult_acute', { page: 'compare', query: 'level=sites&board=b1&types=adult_acute' }],
      ['#/compare/drill?ward=w1&domain=quality', { page: 'compare-drill', query: 'ward=w1&domain=quality' }],
      ['#/import', { page: 'import' }],
      ['#/backups', { page: 'backups' }],
      [`#/assessments/${ID}`, { page: 'walk', id: ID }],
      [`#/assessments/${ID}/areas/ward`, { page: 'walk', id: ID, area: 'ward' }],
      [`#/assessments/${ID}/areas/a1/items/Q10%40a1`, { page: 'walk', id: ID, area: 'a1', item: 'Q10@a1' }],
      [`#/assessments/${ID}/actions`, { page: 'assessment-actions', id: ID }],
      [`#/assessments/${ID}/ligature`, { page: 'assessment-ligature', id: ID }],
      [`#/assessments/${ID}/sign-off`, { page: 'assessment-sign-off', id: ID }],
      [`#/assessments/${ID}/rechecks`, { page: 'assessment-rechecks', id: ID }],
    ];
    for (const [address, route] of pages) expect(parseRoute(address), address).toEqual(route);
  });

  it('accepts a trailing slash', () => {
    expect(parseRoute(`#/boards/${ID}/`)).toEqual({ page: 'board', id: ID });
    expect(parseRoute('#/checklists/')).toEqual({ page: 'checklists' });
  });

  it('says "not found" for an address that matches no page, keeping what was asked for', () => {
    for (const address of ['#/nowhere', '#/boards', '#/boards/a/b', `#/assessments/${ID}/areas`, '#/compare/drill', '#/help/a/b'])
      expect(parseRoute(address), address).toEqual({ page: 'not-found', hash: address });
  });
});

describe('writing an address', () => {
  it('reads back as the same page, whatever characters an id holds', () => {
    const odd = 'a/b ?#%é';
    const cases: [string, Route][] = [
      [href.boards(), { page: 'boards' }],
      [href.board(odd), { page: 'board', id: odd }],
      [href.site(odd), { page: 'site', id: odd }],
      [href.ward(odd), { page: 'ward', id: odd }],
      [href.assessmentStart(odd), { page: 'assessment-start', wardId: odd }],
      [href.help('help-4-ligature-risk'), { page: 'help', section: 'help-4-ligature-risk' }],
      [href.walk(odd), { page: 'walk', id: odd }],
      [href.walk(ID, 'ward'), { page: 'walk', id: ID, area: 'ward' }],
      [href.walk(ID, 'a1', 'Q10@a1'), { page: 'walk', id: ID, area: 'a1', item: 'Q10@a1' }],
      [href.assessmentActions(odd), { page: 'assessment-actions', id: odd }],
      [href.assessmentLigature(odd), { page: 'assessment-ligature', id: odd }],
      [href.assessmentSignOff(odd), { page: 'assessment-sign-off', id: odd }],
      [href.assessmentRechecks(odd), { page: 'assessment-rechecks', id: odd }],
      [href.compare('round=2026%2F27'), { page: 'compare', query: 'round=2026/27' }],
      [href.compareDrill('ward=w1'), { page: 'compare-drill', query: 'ward=w1' }],
      [href.importReturns(), { page: 'import' }],
      [href.backups(), { page: 'backups' }],
      [href.checklists(), { page: 'checklists' }],
    ];
    for (const [address, route] of cases) expect(parseRoute(address), address).toEqual(route);
  });

  it('leaves out a question without an area: an item is only ever addressed within its area', () => {
    expect(href.walk(ID, undefined, 'Q10@a1')).toBe(`#/assessments/${ID}`);
  });
});

describe('which page changes remount the screen', () => {
  it('keeps the walkthrough mounted while the assessor moves between areas and questions', () => {
    const key = routeKey({ page: 'walk', id: ID });
    expect(routeKey({ page: 'walk', id: ID, area: 'a1' })).toBe(key);
    expect(routeKey({ page: 'walk', id: ID, area: 'a2', item: 'Q10@a2' })).toBe(key);
    expect(routeKey({ page: 'walk', id: 'another' })).not.toBe(key);
  });

  it('gives every other page, and each record’s page, its own key', () => {
    const keys = [
      routeKey({ page: 'board', id: 'b1' }),
      routeKey({ page: 'board', id: 'b2' }),
      routeKey({ page: 'site', id: 'b1' }),
      routeKey({ page: 'assessment-sign-off', id: ID }),
      routeKey({ page: 'walk', id: ID }),
      routeKey({ page: 'compare', query: 'a=1' }),
      routeKey({ page: 'compare', query: 'a=2' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('a walk’s place written late', () => {
  const place = { id: ID, area: 'a1', item: 'Q10@a1', takenAt: href.walk(ID, 'a1', 'Q09@a1') };
  it('takes the address while nothing changed it since the place was taken', () => {
    expect(lateWalkAddress(place, href.walk(ID, 'a1', 'Q09@a1'))).toBe(href.walk(ID, 'a1', 'Q10@a1'));
  });
  it('never undoes a link followed in between: to another area of the walk, or another page', () => {
    expect(lateWalkAddress(place, href.walk(ID, 'a2'))).toBeNull();
    expect(lateWalkAddress(place, href.walk(ID, 'ward'))).toBeNull();
    expect(lateWalkAddress(place, href.assessmentTeam(ID))).toBeNull();
    expect(lateWalkAddress(place, '#/')).toBeNull();
  });
});
