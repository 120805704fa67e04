import { createRequire } from 'node:module';
import { runFigure, type AnyResult, type Benchmark } from './harness';

// One benchmark in its own process (started by run.ts, bundled like the rest of the benchmarks):
// its figures are timed and printed as one JSON line for run.ts to lay out.

async function runOne(file: string): Promise<void> {
  const bench = (createRequire(__filename)(file) as { default: Benchmark }).default;
  const { figures, close } = await bench.setup();
  const results: AnyResult[] = [];
  try {
    for (const figure of figures) results.push(await runFigure(figure));
  } finally {
    await close();
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name: bench.name, results, maxRssMb })}\n`);
}

runOne(process.argv[2]!).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
