// The Electron preload (sandboxed, context-isolated): exposes only the generic bridge,
// `invoke` and `subscribe`, never ipcRenderer itself. Its counterpart in the main process
// is src-main/electron/ipc.transport.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { createWireClient } from './contract/bridge';
import { IPC_BRIDGE_CHANNEL, type ServerMessage, type WirePort } from './contract/wire';

const port: WirePort = {
  send: (message) => ipcRenderer.send(IPC_BRIDGE_CHANNEL, message),
  onMessage: (listener) => {
    ipcRenderer.on(IPC_BRIDGE_CHANNEL, (_event, message: ServerMessage) => listener(message));
  },
};
const bridge = createWireClient(port);

contextBridge.exposeInMainWorld('topicdesk', {
  invoke: bridge.invoke,
  subscribe: bridge.subscribe,
});
