import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// End-to-end tests of the real UI against the real web door (see e2e/fixtures.ts). Playwright
// cannot download browsers on our machines: it drives the system Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  reporter: 'list',
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A flaky test must show up as a failure, never pass on a second try.
  retries: 0,
  // Budgets, each at least three times what it takes on a quiet 2-core machine, so that a busy
  // machine (a shared CI runner, a laptop doing other work) does not turn slow into red. A story
  // of many steps marks itself test.slow() (three times this); a step known to be slow (a PDF, an
  // import, a ward of 1,500 questions) gives its own timeout. Never raise these to make a test pass.
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 900 },
    // The screens a person looks at are saved by name (saveScreen); Playwright adds one only when a test fails.
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
