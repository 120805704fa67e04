// How long a test may run before it counts as hung. A budget is many times what the test takes
// on a quiet 2-core machine, because the suite must stay green on a busy one (a shared CI runner,
// a laptop doing other work); a test that really hangs still fails, only later. Every test has
// 30 s (tests/vitest.config.mts); the ones below say why they need more.

/**
 * A test that does seconds of work in this process (seeding estates, hundreds of operations,
 * property runs): up to about 4 s on a quiet machine, over 30 s seen with the load average at 15.
 */
export const HEAVY_TEST_MS = 120_000;

/**
 * A test that starts the app's code in `count` Node processes (the command line, a writer). Each
 * start compiles the code and opens the database, and some write a report: one to two seconds on
 * a quiet machine, up to 17 s seen with the load average at 15, so 20 s each on top of the 30 s.
 */
export function processBudget(count: number): number {
  return 30_000 + count * 20_000;
}
