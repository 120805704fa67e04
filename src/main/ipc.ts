import type { Dispatch } from '../core/router';
import { channelFor } from '../shared/bridge';
import { OPERATIONS } from '../shared/contract';
import { fail } from '../shared/result';
import { isTrustedUrl } from './trusted-origin';

/** The part of an IPC invoke event we look at: which frame sent it. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Electron's ipcMain as far as we use it; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => unknown): void;
}

/** Only our own top-level page may call: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}

/** Registers exactly one channel per contract operation, each behind the sender check. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): string[] {
  const channels: string[] = [];
  for (const operation of OPERATIONS) {
    const channel = channelFor(operation);
    ipcMain.handle(channel, (event, input) =>
      isTrustedSender(event) ? dispatch(operation, input) : fail('FORBIDDEN', `Refused ${operation}: the request did not come from the app's own window`),
    );
    channels.push(channel);
  }
  return channels;
}
