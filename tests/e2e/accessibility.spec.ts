import type { Page } from '@playwright/test';
import { expect, test, type Api } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { BoardsPage } from './pages/BoardsPage';
import { SitePage } from './pages/SitePage';
import { WardPage } from './pages/WardPage';

// axe-core with the WCAG 2.0, 2.1 and 2.2 A/AA rules on every screen, and on each screen's form
// showing errors (the error summary and inline messages are where contrast and naming slip).

async function openDemoBoard(page: Page, api: Api) {
  await api('demo.seed', {});
  const boards = new BoardsPage(page);
  await boards.goto();
  await boards.openBoard('NHS Loch Arden (demo)');
  return new BoardPage(page);
}

test('the boards screen has no WCAG 2.2 AA violations: empty, listing boards, and with form errors', async ({
  page,
  expectNoAxeViolations,
}) => {
  test.slow(); // three accessibility checks
  const boards = new BoardsPage(page);
  await boards.goto();
  await expectNoAxeViolations();

  await boards.loadDemoButton().click();
  await boards.expectStatus('Demo estate loaded');
  await expectNoAxeViolations();

  await boards.addBoard('');
  await expect(boards.errorSummary()).toBeFocused();
  await expectNoAxeViolations();
});

test('a board screen has no WCAG 2.2 AA violations, with its removal confirmation and rename form', async ({
  page,
  api,
  saveScreen,
  expectNoAxeViolations,
}) => {
  test.slow(); // the demo estate and three accessibility checks
  const board = await openDemoBoard(page, api);
  await saveScreen('board');
  await expectNoAxeViolations();

  await board.removeButton().click();
  await expect(board.confirmation()).toContainText('3 sites, 12 wards and');
  await expectNoAxeViolations();
  await board.confirmation().getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Rename board' }).click();
  await page.getByRole('form', { name: 'Change the board name' }).getByLabel('Board name').fill('');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(board.errorSummary()).toBeFocused();
  await expectNoAxeViolations();
});

test('a site screen has no WCAG 2.2 AA violations, with the ward form showing errors', async ({
  page,
  api,
  saveScreen,
  expectNoAxeViolations,
}) => {
  const board = await openDemoBoard(page, api);
  await board.sitesTable().getByRole('link', { name: 'Arden Royal Hospital' }).click();
  const site = new SitePage(page);
  await site.expectHeading('Arden Royal Hospital');
  await saveScreen('site');
  await expectNoAxeViolations();

  await site.wardForm().getByRole('button', { name: 'Add ward' }).click();
  await expect(site.errorSummary()).toBeFocused();
  await expectNoAxeViolations();
});

test('a ward screen has no WCAG 2.2 AA violations, with the area form showing errors and the ward form open', async ({
  page,
  api,
  saveScreen,
  expectNoAxeViolations,
}) => {
  test.slow(); // the demo estate and three accessibility checks
  const board = await openDemoBoard(page, api);
  await board.sitesTable().getByRole('link', { name: 'Arden Royal Hospital' }).click();
  await new SitePage(page).wardsTable().getByRole('link', { name: 'Hazel IPCU' }).click();
  const ward = new WardPage(page);
  await ward.expectHeading('Hazel IPCU');
  await saveScreen('ward');
  await expectNoAxeViolations();

  await ward.fillArea({ type: 'Bedroom', name: 'Bedroom 99', tier: 1 });
  await ward.areaForm().getByRole('button', { name: 'Add area' }).click();
  await expect(ward.errorSummary()).toBeFocused();
  await saveScreen('ward-form-errors');
  await expectNoAxeViolations();

  await page.getByRole('button', { name: 'Change ward details' }).click();
  await expect(page.getByRole('form', { name: 'Change ward details' })).toBeVisible();
  await expectNoAxeViolations();
});

test('unknown addresses and missing records get a page that says so and links back', async ({ page, expectNoAxeViolations }) => {
  await page.goto('/#/nowhere');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectNoAxeViolations();
  await page.goto('/#/boards/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board not found');
  await page.getByRole('link', { name: 'Go to the list of boards' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estate register');
});
