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
// keys:  one question at a time by keyboard (the key beside an answer, J for the next unanswered);
//        the only way before the ward round's shortcuts (930 on the first version of the walk).
// round: how the ward round really goes: the first bedroom and en-suite answered by key and the
//        other rooms of each design filled from them as sample rooms (offered as soon as the
//        first is finished); every other area's compliance items marked "no findings" and its
//        ligature prompts answered by key; numbers the register knows confirmed with Enter.
//
// Set CLICKS_DEBUG=1 to print the keys pressed, by key.

class Counter {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  readonly log = new Map<string, number>();
  async press(key: string) {
    this.keys += 1;
    this.log.set(key, (this.log.get(key) ?? 0) + 1);
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
  // Wait for focus to land again (on the next question, or on the offer of a sample room): while
  // the walk moves to another area it passes through the page itself.
  for (let i = 0; i < 300; i += 1) {
    const now = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.closest('.app-item')?.id ?? (active?.id === 'use-as-sample' ? 'use-as-sample' : null);
    });
    if (now !== null && now !== card) return;
    if (await page.getByText(/last question|Every question has an answer/).count()) return;
    await page.waitForTimeout(10);
  }
  throw new Error(`Focus did not move on from ${card}`);
}

type Step = (page: Page, counter: Counter) => Promise<boolean>;

async function answerByKeys(page: Page, counter: Counter, items: Map<string, Template['items'][number]>, until: () => Promise<boolean>, before: Step = async () => false) {
  for (let guard = 0; guard < 3000; guard += 1) {
    if (await until()) return;
    if (await before(page, counter)) continue;
    const card = await focusedCard(page);
    if (!card) {
      await counter.press('j');
      continue;
    }
    await answerFocused(page, counter, items, card);
  }
  throw new Error('The walk did not finish within 3000 steps');
}

/**
 * The round strategy's shortcuts, tried before each question: a room of a repeated design just
 * finished offers itself as the sample room (focus is on that button: Enter, then confirm), and an
 * area not yet touched is marked "no findings" (its ligature prompts are then answered by key).
 */
function roundShortcuts(): Step {
  const marked = new Set<string>();
  return async (page, counter) => {
    const sample = page.locator('#use-as-sample');
    if ((await sample.count()) && (await sample.evaluate((el) => el === document.activeElement))) {
      await counter.press('Enter');
      await counter.click(page.getByRole('button', { name: /^Fill \d+ areas from / }));
      await page.getByText(/^Filled \d+ areas from /).waitFor();
      return true;
    }
    const area = ((await page.locator('#area-heading').textContent()) ?? '').split(/ tier | asked once/)[0]!.trim();
    const noFindings = page.getByRole('button', { name: /^No findings (in |for the whole ward)/ });
    if (!marked.has(area) && (await noFindings.count())) {
      marked.add(area);
      // Not for a room that will be a sample: it is walked question by question.
      if (/^(Bedroom|En-suite) 1$/.test(area)) return false;
      await counter.click(noFindings);
      await counter.click(page.getByRole('button', { name: /^Answer \d+ questions? “Yes”$/ }));
      await page.getByText(/^No findings: \d+ answers saved/).waitFor();
      return true;
    }
    return false;
  };
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
  if (strategy !== 'keys' && strategy !== 'round') throw new Error('--strategy is keys or round');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-clicks-'));
  const session = await openSession(path.join(dir, 'estates.sqlite'));
  try {
    const { assessment, items } = await prepareWard(session);
    const { page } = session;
    const counter = new Counter(page);
    const started = performance.now();
    await page.goto(`/#/assessments/${assessment.id}`);
    await page.getByRole('heading', { level: 1, name: 'Walkthrough' }).waitFor();
    await answerByKeys(page, counter, items, () => allAnswered(page), strategy === 'round' ? roundShortcuts() : undefined);
    await signOff(page, counter);
    const stored = await session.call('answers.list', { assessmentId: assessment.id });
    const signed = await session.call('assessments.get', { id: assessment.id });
    if (signed.status !== 'signed_off') throw new Error('The assessment was not signed off');
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`Ward round (${strategy}): 24-bed ward, ${assessment.areas.length} areas, ${stored.length} answers stored, signed off.`);
    if (process.env.CLICKS_DEBUG) console.log([...counter.log]);
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
