import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/security';

// The built user interface, served to the desktop app's app:// protocol and to the web door by
// this one handler, so the two can never drift apart again: one decoding guard, one NUL check,
// one containment check, one set of headers.

export interface UiFileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/**
 * Answers a GET for `pathname` (still percent-encoded, as it came in the URL) with a file of the
 * renderer folder: 400 for an address that does not decode or holds a NUL, 404 for anything
 * outside the folder, missing, or not a file, 503 when the UI has not been built.
 */
export function answerUiRequest(rendererDir: string, pathname: string): UiFileAnswer {
  const root = path.resolve(rendererDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    return { status: 503, headers: TEXT, body: 'The user interface has not been built. Run "npm run build" (or "npm run web", which builds it) first.' };
  }
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return { status: 400, headers: TEXT, body: 'The address is not valid.' };
  }
  if (relative.includes('\0')) return { status: 400, headers: TEXT, body: 'The address is not valid.' };
  const file = path.resolve(root, `.${relative}`);
  // A resolved path outside the renderer folder (../ tricks, encoded or not) is never served.
  const inside = file.startsWith(root + path.sep);
  if (!inside || !isFile(file)) return { status: 404, headers: TEXT, body: 'Not found.' };
  return {
    status: 200,
    headers: {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
    body: fs.readFileSync(file),
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    // Missing, or a path through a file ("index.html/x"): not something to serve.
    return false;
  }
}
