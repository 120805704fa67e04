/// <reference types="vite/client" />
import type { BridgeApi } from '../../shared/bridge';

declare global {
  interface Window {
    /** Present in the Electron app (exposed by the preload); absent in a browser on the web door. */
    bridge?: BridgeApi;
  }
}
