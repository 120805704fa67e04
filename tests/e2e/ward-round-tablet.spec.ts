import { buildJpeg, exifSegment } from '../helpers/images';
import { answerAllViaApi } from './assess-via-api';
import { expect, test } from './fixtures';
import { makeSmallWard } from './walkthrough-helpers';

// The walk on a tablet in the hand: every control big enough to touch, the camera behind the photo
// control, photos the right way up, a caption and mark-up drawn over the photo (the photo itself
// untouched), and the photos on the ligature register.

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

test('on a tablet every control of the walk is at least 44 × 44 px and the photo control offers the camera', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  const { ward } = await makeSmallWard(api);
  const assessment = await api('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Morag Baird', role: 'estates' }] });
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
  await answerAllViaApi(api, assessment.id, {}, (_item, areaId) => areaId !== bedroom);
  await page.goto(`/#/assessments/${assessment.id}/areas/${bedroom}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Bedroom 1/ })).toBeVisible();
  // The questions come first; another area is one choice away in the bar that stays in view.
  await expect(page.getByLabel('Go to area')).toBeVisible();
  const small = await page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      '.app-walk-main button, .app-walk-main summary, .app-walk-main .nhsuk-radios__label, .app-walk-main input[type="file"], .app-walk-bar a, .app-walk-bar select, .app-walk-side button, .app-walk-side summary, .app-walk-side .app-area-list a',
    );
    return [...targets]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ what: `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}”`, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ what, box }) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
  expect(small).toEqual([]);
  // A photo of an answer: the camera on a device that has one, or a file.
  const card = page.locator('.app-item').first();
  await card.getByText(/^Photos/).click();
  await expect(card.getByLabel(/^Take a photo/)).toHaveAttribute('capture', 'environment');
  await expect(card.getByLabel(/^Add a photo/)).not.toHaveAttribute('capture', /.*/);
  await saveScreen('ward-round-tablet-01-walk');
  await expectNoAxeViolations();
});

test('a portrait photo keeps its orientation, takes a caption and mark-up over the untouched original, and shows on the ligature register', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  const { ward } = await makeSmallWard(api);
  const assessment = await api('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Morag Baird', role: 'estates' }] });
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
  const assessorId = assessment.assessors[0]!.id;
  await api('answers.record', { assessmentId: assessment.id, itemId: 'L01', areaId: bedroom, value: 'risk_present', assessorId });
  const point = await api('ligaturePoints.create', {
    assessmentId: assessment.id, areaId: bedroom, itemId: 'L01', element: 'Door hinges', heightBand: 'knee_to_head', tier: 3, description: 'Butt hinges',
    controls: [{ kind: 'physical_modification', description: 'Continuous hinge on order' }], likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 4, severityAfter: 4, assessorId,
  });
  await page.goto(`/#/assessments/${assessment.id}/areas/${bedroom}`);
  const entry = page.getByTestId('ligature-point');
  // Taken on a phone held upright: 64 × 32 pixels stored, EXIF orientation 6 (turn a quarter).
  await entry.getByLabel(/^Take a photo/).setInputFiles({ name: 'IMG_0042.JPG', mimeType: 'image/jpeg', buffer: Buffer.from(buildJpeg(64, 32, [exifSegment({ orientation: 6 })])) });
  await expect(entry.getByText(/Photo saved: IMG_0042\.JPG\. Removed from the file: EXIF/)).toBeVisible();
  const img = entry.getByRole('img', { name: /Photo 1 of ligature point Door hinges/ });
  await expect(img).toBeVisible();
  // Shown the right way up: taller than wide.
  const shown = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight, el.clientWidth, el.clientHeight]);
  expect(shown[0]).toBe(32);
  expect(shown[1]).toBe(64);
  expect(shown[3]).toBeGreaterThan(shown[2]!);

  // Caption and mark-up: an arrow drawn with the pointer, a circle added by keyboard.
  await entry.getByRole('button', { name: /Caption and mark-up/ }).click();
  const editor = page.getByRole('region', { name: 'Caption and mark-up' });
  await expect(editor.getByRole('heading', { name: 'Caption and mark-up' })).toBeFocused();
  await editor.getByLabel('Caption').fill('Top hinge, patient side');
  const layer = editor.locator('svg.app-markup-layer');
  await layer.scrollIntoViewIfNeeded();
  const box = (await layer.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3, { steps: 6 });
  await page.mouse.up();
  await editor.getByRole('radio', { name: /^Circle/ }).check();
  await editor.getByRole('button', { name: 'Add a circle in the middle' }).click();
  // Moved right by keyboard, a step at a time.
  const right = editor.getByRole('button', { name: 'Right' });
  await right.focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Enter');
  await expect(editor.getByRole('list').last()).toContainText('Arrow pointing to the top centre');
  await expect(editor.getByRole('list').last()).toContainText('Circle around the middle right');
  await saveScreen('ward-round-tablet-02-markup');
  await expectNoAxeViolations();
  await editor.getByRole('button', { name: 'Save caption and mark-up' }).click();
  await expect(entry.getByText('Top hinge, patient side')).toBeVisible();
  await expect(entry.getByRole('img', { name: /Top hinge, patient side\. Marked: Arrow pointing to the top centre; Circle around the middle right/ })).toBeVisible();

  const [stored] = await api('photos.list', { assessmentId: assessment.id, ligaturePointId: point.id });
  expect(stored).toMatchObject({ width: 32, height: 64, caption: 'Top hinge, patient side' });
  expect(stored!.markup!.map((m) => m.kind)).toEqual(['arrow', 'circle']);
  const arrow = stored!.markup![0]!;
  if (arrow.kind !== 'arrow') throw new Error('expected an arrow first');
  expect(arrow.x1).toBeCloseTo(0.2, 1);
  expect(arrow.y2).toBeCloseTo(0.3, 1);
  // The original is untouched: the bytes are the ones stored at upload.
  const bytes = await api('photos.get', { id: stored!.id });
  expect(bytes.sha256).toBe(stored!.sha256);

  // The ligature register shows the photo, marked up, with its caption.
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Ligature register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ligature register' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Top hinge, patient side\. Marked: Arrow/ })).toBeVisible();
  await saveScreen('ward-round-tablet-03-register');
  await expectNoAxeViolations();
});
