import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { AppError } from '../core/errors';
import { findAppRoot, readAppVersion, resolveDatabaseFile } from '../core/paths';
import { startWebServer } from './server';

// `npm run web -- [--port N] [--db FILE]`: the app in a browser, on this computer only.

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      db: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--port 5180] [--db path/to/estates.sqlite]\nPort 0 picks a free port.');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const appRoot = findAppRoot(__dirname);
  const core = createCore({
    databaseFile: resolveDatabaseFile(values.db),
    migrationsFolder: path.join(appRoot, 'drizzle'),
    resourcesDir: path.join(appRoot, 'resources'),
    door: 'http',
    appVersion: readAppVersion(appRoot),
  });
  // A harness that restarts the server (the end-to-end tests) may keep one key across runs.
  const key = process.env.MHEA_WEB_KEY || undefined;
  if (key !== undefined && !/^[A-Za-z0-9_-]{32,}$/.test(key)) throw new Error('MHEA_WEB_KEY must be at least 32 letters, digits, "-" or "_"');
  const server = await startWebServer({ dispatch: core.dispatch, rendererDir: path.join(appRoot, 'out', 'renderer'), port, ...(key ? { key } : {}) });
  console.log(`Database: ${core.file}`);
  if (core.recovery) console.log(`${core.recovery.message}\nThe app opens on its recovery page.`);
  console.log(`Mental Health Estates Assessment is running at ${server.url}`);
  console.log('Open that address in a browser on this computer: it carries a key made for this run, so other programs cannot use the app. Press Ctrl+C to stop.');
  const stop = () => {
    void server.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
});
