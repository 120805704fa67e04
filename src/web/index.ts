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
  const server = await startWebServer({ dispatch: core.dispatch, rendererDir: path.join(appRoot, 'out', 'renderer'), port });
  console.log(`Database: ${core.file}`);
  if (core.recovery) console.log(`${core.recovery.message}\nThe app opens on its recovery page.`);
  console.log(`Mental Health Estates Assessment is running at ${server.url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
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
