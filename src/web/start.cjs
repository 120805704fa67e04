'use strict';
// `npm run web -- [--port N] [--db FILE]`: builds out/ only if a source changed since the last
// build (src/web/build.cjs), then runs the built web door (out/web/index.js) in this process,
// with V8's code cache of its last start (src/web/code-cache.cjs).

const path = require('node:path');
const { APP_ROOT, buildAll, buildIsCurrent } = require('./build.cjs');
const { requireWithCodeCache } = require('./code-cache.cjs');

async function start() {
  if (!buildIsCurrent()) {
    console.log('Building the app (the sources changed since it was last built)…');
    await buildAll(['--logLevel', 'warn']);
  }
  requireWithCodeCache(path.join(APP_ROOT, 'out', 'web', 'index.js'));
}

start().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
