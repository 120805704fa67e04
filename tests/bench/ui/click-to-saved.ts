import { copyOfNational, openCore, removeCopy } from '../harness';
import { draftOnLargestWard } from '../draft';
import { openSession, percentile } from './browser';

// Click to "Saved" in the browser: on a copy of the national database, a new draft of its largest
// ward (24 beds, 922 questions) is opened in the real UI over the web door, and answers are given
// by clicking, as a person would: a click on "Yes" or "Partial" of a question, then a pause before
// the next (long enough for the live scores to refresh in between, as they do on a real walk).
// Each figure is the time from the click event to the question saying "Saved: <answer>" in the
// page, measured in the page itself.
//
//   npm run build && npx tsx tests/bench/ui/click-to-saved.ts [--clicks 120] [--pause 1000]

declare global {
  interface Window {
    __clickToSaved?: Promise<number>;
  }
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main() {
  const clicks = option('--clicks', 120);
  const pause = option('--pause', 1000);
  const file = copyOfNational();
  const core = openCore(file);
  const { draft, ward, instances } = await draftOnLargestWard(core);
  core.close();
  const session = await openSession(file);
  try {
    const { page } = session;
    await page.goto(`/#/assessments/${draft.id}`);
    await page.getByRole('heading', { level: 1, name: 'Walkthrough' }).waitFor();
    const cards = page.locator('.app-item').filter({ has: page.getByRole('radio', { name: /^Partial/ }) });
    await cards.first().waitFor();
    const count = await cards.count();
    const times: number[] = [];
    for (let i = 0; i < clicks; i += 1) {
      const card = cards.nth(i % count);
      const answer = Math.floor(i / count) % 2 === 0 ? 'Yes' : 'Partial';
      const cardId = await card.getAttribute('id');
      await page.evaluate(
        ({ cardId, answer }) => {
          window.__clickToSaved = new Promise<number>((resolve) => {
            const el = document.getElementById(cardId)!;
            let clickedAt: number | undefined;
            el.addEventListener('click', (event) => (clickedAt ??= event.timeStamp), { capture: true, once: true });
            // Inline callbacks only: code passed to the page must not use helpers the bundler adds.
            const observer = new MutationObserver(() => {
              const saved = el.querySelector('.app-save-saved');
              if (clickedAt === undefined || !saved || !saved.textContent?.includes(`Saved: ${answer}`)) return;
              observer.disconnect();
              resolve(performance.now() - clickedAt);
            });
            observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
          });
        },
        { cardId: cardId!, answer },
      );
      await card.getByRole('radio', { name: new RegExp(`^${answer}`) }).click();
      times.push(await page.evaluate(() => window.__clickToSaved!));
      await page.waitForTimeout(pause);
    }
    times.sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`Click to "Saved", largest ward of the national database (${ward.bedCount} beds, ${instances} questions): ${clicks} clicks, ${pause} ms apart`);
    console.log(`  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times[times.length - 1]!)}`);
  } finally {
    await session.close();
    removeCopy(file);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
