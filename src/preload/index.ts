import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, type BridgeApi } from '../shared/bridge';
import { isOperation } from '../shared/contract';
import { fail } from '../shared/result';

// Exposes one function to the page: invoke a contract operation. Names outside the contract are
// answered here without reaching the main process, which in turn answers only the contract's
// channels and checks the sender. The page never sees ipcRenderer itself.
const bridge: BridgeApi = {
  invoke: (operation, input) =>
    typeof operation === 'string' && isOperation(operation)
      ? ipcRenderer.invoke(channelFor(operation), input)
      : Promise.resolve(fail('UNKNOWN_OPERATION', `"${String(operation)}" is not an operation of this app`)),
};

contextBridge.exposeInMainWorld('bridge', bridge);
