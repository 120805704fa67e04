// The NHS.UK frontend stylesheet loads its Frutiger web font from assets.nhs.uk and its icons from
// the site root (/assets/images/). The app runs offline, under a CSP with no remote origins, from
// app:// or a file path, so for that stylesheet only:
// - drop @font-face rules with a remote source (the font stack falls back to Arial);
// - point icon url()s at the package's own images, which Vite then bundles beside the app.
// The build fails if any remote url() is left, so an upgrade cannot quietly bring one back.

const REMOTE_URL = /url\(\s*['"]?(?:[a-z]+:)?\/\/(?!\/)/i;
const ROOT_IMAGES = /url\((['"]?)\/assets\/images\//g;

const isNhsukFrontend = (node) => (node.source?.input.file ?? '').includes('nhsuk-frontend');

/** @type {import('postcss').PluginCreator<void>} */
const offlineNhsukFrontend = () => ({
  postcssPlugin: 'offline-nhsuk-frontend',
  AtRule: {
    'font-face': (rule) => {
      if (isNhsukFrontend(rule) && REMOTE_URL.test(rule.toString())) rule.remove();
    },
  },
  Declaration(decl) {
    if (isNhsukFrontend(decl) && decl.value.includes('/assets/images/')) {
      decl.value = decl.value.replace(ROOT_IMAGES, 'url($1./assets/images/');
    }
  },
  OnceExit(root) {
    root.walkDecls((decl) => {
      if (REMOTE_URL.test(decl.value)) {
        throw decl.error(`Remote url() in the UI's CSS (blocked by the CSP, unreachable offline): ${decl.value}`);
      }
    });
  },
});
offlineNhsukFrontend.postcss = true;

export default { plugins: [offlineNhsukFrontend()] };
