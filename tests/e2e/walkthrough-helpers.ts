import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { startAssessmentViaApi } from './assess-via-api';
import { expect, type Api } from './fixtures';
import { tabTo } from './keys';

/** The id of the question card that has focus (or holds the focused control), or null. */
export function focusedCard(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('.app-item')?.id ?? null);
}

/** Opens an assessment's walkthrough (at an area, if given) and waits until a person would see it. */
export async function openWalkthrough(page: Page, assessmentId: string, areaId?: string): Promise<void> {
  await page.goto(`/#/assessments/${assessmentId}${areaId ? `/areas/${areaId}` : ''}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
}

/**
 * Answers the focused question with its first choice (or a compliant number) and waits until focus
 * has moved on, as a person would before the next key (or the walkthrough said it was the last).
 */
export async function answerFocused(page: Page): Promise<string | null> {
  const card = await focusedCard(page);
  if (!card) return null;
  const number = page.locator(`#${card}-number`);
  if (await number.count()) {
    await tabTo(page, number);
    // Q06 (single rooms) and Q07: the compliant end of their range.
    await page.keyboard.type(card.startsWith('item-Q06') ? '100' : '0');
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('1');
  }
  const last = page.getByText('That was the last question');
  await expect.poll(async () => (await focusedCard(page)) !== card || (await last.count()) > 0).toBe(true);
  return card;
}

/** Waits until no question on screen is saving, and none failed. */
export async function allSettled(page: Page): Promise<void> {
  await expect(page.locator('.app-save-saving')).toHaveCount(0);
  await expect(page.locator('.app-item .app-save-failed')).toHaveCount(0);
}

/** A small ward through the API: a bedroom (tier 3) and a lounge (tier 2). */
export async function makeSmallWard(api: Api, areas: { name: string; type: 'bedroom' | 'lounge' | 'en_suite'; tier: 1 | 2 | 3 }[] = []) {
  const board = await api('boards.create', { name: 'NHS Walk Test', code: 'S08000098' });
  const site = await api('sites.create', { boardId: board.id, name: 'Riverside Hospital' });
  const ward = await api('wards.create', { siteId: site.id, name: 'Rowan Ward', type: 'adult_acute', bedCount: 4, sexDesignation: 'mixed' });
  const list = areas.length > 0 ? areas : [
    { name: 'Bedroom 1', type: 'bedroom' as const, tier: 3 as const },
    { name: 'Lounge', type: 'lounge' as const, tier: 2 as const },
  ];
  for (const a of list) await api('areas.create', { wardId: ward.id, name: a.name, type: a.type, supervisionTier: a.tier });
  return { board, site, ward };
}

/**
 * A small ward's assessment started through the API and its walkthrough open: at the area named,
 * or where a new walk starts, with its first question focused.
 */
export async function walkSmallWard(page: Page, api: Api, areaName?: string) {
  const { ward } = await makeSmallWard(api);
  const assessment = await startAssessmentViaApi(api, ward.id);
  const area = areaName === undefined ? undefined : assessment.areas.find((a) => a.name === areaName);
  if (areaName !== undefined && !area) throw new Error(`The small ward has no area called ${areaName}`);
  await openWalkthrough(page, assessment.id, area?.areaId);
  if (area) await expect(page.getByRole('heading', { level: 2, name: area.name })).toBeVisible();
  else await expect.poll(() => focusedCard(page)).not.toBeNull();
  return { ward, assessment, area: area! };
}

/** A real PNG (w×h, grey gradient) carrying a tEXt chunk, so there is metadata to strip. */
export function makePng(width = 48, height = 32): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) rows[y * (width + 1) + 1 + x] = (x * 5 + y * 3) % 256;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from('Author\u0000Test camera', 'latin1')),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SQLite's own check of the database file, opened read-only beside the running server. */
export function integrityCheck(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
