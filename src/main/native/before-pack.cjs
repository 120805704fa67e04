// electron-builder's beforePack hook (package.json `build.beforePack`): before it packs one
// platform and architecture, make sure the Electron build of better-sqlite3 for that target is in
// the cache folder that the `files` entry copies into the app (see prepare.ts). electron-builder's
// own rebuild (`npmRebuild`) is off because it rebuilds node_modules in place, which would leave
// the tests and the web door with a binary plain Node cannot load.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Arch } = require('electron-builder');

module.exports = async function beforePack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'prepare.ts'), '--platform', platform, '--arch', Arch[context.arch]], {
    cwd: context.packager.projectDir,
    stdio: 'inherit',
  });
};
