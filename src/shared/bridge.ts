import type { Result } from './result';

/**
 * What the Electron preload exposes to the renderer as `window.bridge`, and nothing more.
 * In a browser (the web door) there is no bridge and the renderer posts to /rpc/<operation>.
 */
export interface BridgeApi {
  invoke(operation: string, input: unknown): Promise<Result<unknown>>;
}

/** The IPC channel for an operation: one channel per contract operation, nothing else. */
export function channelFor(operation: string): string {
  return `rpc:${operation}`;
}
