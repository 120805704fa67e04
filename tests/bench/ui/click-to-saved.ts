import os from 'node:os';
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
    const http: number[] = [];
    const own: number[] = [];
    // MHEA_PROFILE=1: a CPU profile of the page over the clicks, its heaviest functions printed.
    const cdp = process.env.MHEA_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
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
      const total = await page.evaluate(() => window.__clickToSaved!);
      times.push(total);
      // The HTTP round trip of that save, from the browser's own resource timing; the rest is the page's.
      const trips = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/rpc/answers.record')).map((e) => e.duration));
      const trip = trips[trips.length - 1];
      if (trip !== undefined) {
        http.push(trip);
        own.push(Math.max(0, total - trip));
      }
      await page.evaluate(() => performance.clearResourceTimings());
      await page.waitForTimeout(pause);
    }
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
    times.sort((a, b) => a - b);
    http.sort((a, b) => a - b);
    own.sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`node ${process.version} · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`Click to "Saved", largest ward of the national database (${ward.bedCount} beds, ${instances} questions): ${clicks} clicks, ${pause} ms apart`);
    console.log(`  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times[times.length - 1]!)}`);
    console.log(`  the HTTP round trip of answers.record: p50 ${ms(percentile(http, 50))}  p95 ${ms(percentile(http, 95))}`);
    console.log(`  the page's own share (click to Saved less the round trip): p50 ${ms(percentile(own, 50))}  p95 ${ms(percentile(own, 95))}`);
  } finally {
    await session.close();
    removeCopy(file);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}` : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
