import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const APP_ROOT = path.resolve(__dirname, '..', '..');
const RENDERER_INDEX = path.join(APP_ROOT, 'out', 'renderer', 'index.html');
const TSX = path.join(APP_ROOT, 'node_modules', '.bin', 'tsx');
const READY = /running at (http:\/\/\S+\/)\?key=([A-Za-z0-9_-]+)/;

/** The real web door (src/web/index.ts) in a child process, on one SQLite file. */
export interface WebDoor {
  /** The server's address, without its key. */
  url: string;
  /** The key this run of the server printed in its address (see src/web/server.ts). */
  key: string;
  /** The address as printed (with the key): opening it gives the browser the key. */
  openUrl: string;
  stop(): Promise<void>;
  /** Kills the server at once with SIGKILL, as a crash or power cut would: no clean shutdown. */
  kill(): Promise<void>;
}

export function assertRendererBuilt(): void {
  if (!fs.existsSync(RENDERER_INDEX)) {
    throw new Error(
      `The UI has not been built (${path.relative(APP_ROOT, RENDERER_INDEX)} is missing). ` +
        'Run "npx electron-vite build" (npm test does) before the end-to-end tests.',
    );
  }
}

/** Starts the web door; `key` keeps the key of an earlier run (a restart), so the browser's cookie stays good. */
export async function startWebDoor(dbFile: string, port = 0, key?: string): Promise<WebDoor> {
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn(TSX, ['src/web/index.ts', '--port', String(port), '--db', dbFile], {
    cwd: APP_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', ...(key ? { MHEA_WEB_KEY: key } : {}) },
  });
  const [url, printedKey] = await waitForUrl(child);
  return { url, key: printedKey, openUrl: `${url}?key=${printedKey}`, stop: () => stop(child), kill: () => stop(child, 'SIGKILL') };
}

function waitForUrl(child: ChildProcess): Promise<[string, string]> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`The web door did not start within 30 s. It said:\n${output}`)), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop(child);
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve([match[1], match[2]]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`The web door exited (code ${code}) before it was ready. It said:\n${output}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // Already gone.
      }
    };
    const force = setTimeout(() => killGroup('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    killGroup(signal);
  });
}
