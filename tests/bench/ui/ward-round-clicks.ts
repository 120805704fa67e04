import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { areasFor } from '../../../src/core/services/estate/demo';
import type { Output } from '../../../src/shared/contract';
import { defaultTierFor } from '../../../src/shared/domain/estate';
import { goodValue } from '../../helpers/assessments';
import { openSession, type Session } from './browser';

// How much work the walkthrough asks of an assessor: completes a 24-bed ward of the demo estate's
// shape (24 bedrooms with en-suites, a bathroom and the demo's communal rooms: 922 questions) in
// the real UI and prints the clicks and key presses it took, from the opened walkthrough to the
// signed-off page. Every answer is the compliant one ("no risk" on every ligature prompt), so the
// figure measures the walk, not the findings.
//
//   npm run build && npx tsx tests/bench/ui/ward-round-clicks.ts [--strategy keys|round]
//
// keys:  one question at a time by keyboard (the key beside an answer, J for the next unanswered).
// round: how the ward round really goes: the first bedroom and en-suite answered by key and the
//        other rooms of each design filled from them as sample rooms; every other room's
//        compliance items marked "no findings" and its ligature prompts answered by key.

class Counter {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.keys += text.length;
    await this.page.keyboard.type(text);
  }
  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }
}

type Template = Output<'templates.get'>;

async function prepareWard(session: Session) {
  const board = await session.call('boards.create', { name: 'NHS Loch Arden (demo)' });
  const site = await session.call('sites.create', { boardId: board.id, name: 'Arden Royal Hospital' });
  const ward = await session.call('wards.create', { siteId: site.id, name: 'Larch Ward', type: 'adult_acute', bedCount: 24, sexDesignation: 'mixed', block: 'Mental Health Unit' });
  for (const a of areasFor({ beds: 24, ensuite: 24, extra: ['activity', 'quiet_room', 'visitor_room', 'kitchen', 'laundry'] })) {
    await session.call('areas.create', { wardId: ward.id, type: a.type, name: a.name, supervisionTier: defaultTierFor(a.type) });
  }
  const assessment = await session.call('assessments.start', {
    wardId: ward.id,
    assessedOn: '2026-11-20',
    round: '2026/27',
    announced: true,
    assessors: [{ name: 'Morag Baird', role: 'estates' }],
  });
  const templates = await Promise.all(Object.values(assessment.templates).map((key) => session.call('templates.get', { key })));
  return { assessment, items: new Map(templates.flatMap((t: Template) => t.items.map((i) => [i.id, i] as const))) };
}

function focusedCard(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('.app-item')?.id ?? null);
}

/** Answers the question that has focus by keyboard, as an assessor would, and waits for focus to move on. */
async function answerFocused(page: Page, counter: Counter, items: Map<string, Template['items'][number]>, card: string) {
  const itemId = /^item-([A-Z0-9]+)_/.exec(card)?.[1] ?? '';
  const item = items.get(itemId);
  const number = page.locator(`#${card}-number`);
  if (item && 'response' in item && item.response.type === 'number' && (await number.count())) {
    if (!(await number.evaluate((el) => el === document.activeElement))) await counter.press('Tab');
    const value = String(goodValue(item));
    const shown = await number.inputValue();
    if (shown !== value) {
      await number.selectText();
      await counter.type(value);
    }
    await counter.press('Enter');
  } else {
    await counter.press('1');
  }
  for (let i = 0; i < 200; i += 1) {
    if ((await focusedCard(page)) !== card) return;
    if (await page.getByText(/last question|Every question has an answer/).count()) return;
    await page.waitForTimeout(10);
  }
  throw new Error(`Focus did not move on from ${card}`);
}

async function answerByKeys(page: Page, counter: Counter, items: Map<string, Template['items'][number]>, until: () => Promise<boolean>) {
  for (let guard = 0; guard < 3000; guard += 1) {
    if (await until()) return;
    const card = await focusedCard(page);
    if (!card) {
      await counter.press('j');
      continue;
    }
    await answerFocused(page, counter, items, card);
  }
  throw new Error('The walk did not finish within 3000 steps');
}

async function allAnswered(page: Page): Promise<boolean> {
  const text = (await page.getByTestId('domain-progress').locator('li').last().textContent()) ?? '';
  const match = /All: (\d+) of (\d+)/.exec(text);
  return !!match && match[1] === match[2];
}

async function signOff(page: Page, counter: Counter) {
  await page.locator('.app-save-saving').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await counter.click(page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }));
  await page.getByRole('heading', { level: 1, name: 'Sign off the assessment' }).waitFor();
  await counter.click(page.getByRole('button', { name: 'Sign off', exact: true }));
  const confirm = page.getByRole('button', { name: /Confirm and sign off/ });
  const signed = page.getByRole('heading', { level: 1, name: 'Signed off' });
  await Promise.race([confirm.waitFor(), signed.waitFor()]);
  if (await confirm.count()) await counter.click(confirm);
  await signed.waitFor();
}

async function main() {
  const strategy = process.argv.includes('--strategy') ? process.argv[process.argv.indexOf('--strategy') + 1] : 'keys';
  if (strategy !== 'keys') throw new Error('--strategy is keys');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-clicks-'));
  const session = await openSession(path.join(dir, 'estates.sqlite'));
  try {
    const { assessment, items } = await prepareWard(session);
    const { page } = session;
    const counter = new Counter(page);
    const started = performance.now();
    await page.goto(`/#/assessments/${assessment.id}`);
    await page.getByRole('heading', { level: 1, name: 'Walkthrough' }).waitFor();
    await answerByKeys(page, counter, items, () => allAnswered(page));
    await signOff(page, counter);
    const stored = await session.call('answers.list', { assessmentId: assessment.id });
    const signed = await session.call('assessments.get', { id: assessment.id });
    if (signed.status !== 'signed_off') throw new Error('The assessment was not signed off');
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`Ward round (${strategy}): 24-bed ward, ${assessment.areas.length} areas, ${stored.length} answers stored, signed off.`);
    console.log(`  clicks ${counter.clicks}, key presses ${counter.keys}, total ${counter.clicks + counter.keys} (${seconds} s in the browser)`);
  } finally {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
