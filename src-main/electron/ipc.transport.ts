// The Electron IPC transport of the bridge contract (counterpart: src-preload/index.ts).
// One dispatcher session per renderer; messages from any frame but the app's own are dropped.
import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_BRIDGE_CHANNEL } from '../../src-preload/contract/wire';
import type { Dispatcher, DispatcherSession } from '../core/dispatcher';

export function attachIpcTransport(dispatcher: Dispatcher, isAppFrame: (url: string) => boolean): () => void {
  const sessions = new Map<number, DispatcherSession>();

  function sessionFor(contents: WebContents): DispatcherSession {
    let session = sessions.get(contents.id);
    if (!session) {
      const created = dispatcher.openSession((message) => {
        if (!contents.isDestroyed()) contents.send(IPC_BRIDGE_CHANNEL, message);
      });
      sessions.set(contents.id, created);
      contents.once('destroyed', () => {
        created.close();
        sessions.delete(contents.id);
      });
      // A reload starts a new page with new subscriptions: drop the old ones.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) {
          created.close();
          sessions.delete(contents.id);
        }
      });
      session = created;
    }
    return session;
  }

  const onMessage = (event: IpcMainEvent, raw: unknown) => {
    if (!event.senderFrame || !isAppFrame(event.senderFrame.url)) return;
    sessionFor(event.sender).receive(raw);
  };
  ipcMain.on(IPC_BRIDGE_CHANNEL, onMessage);
  return () => {
    ipcMain.off(IPC_BRIDGE_CHANNEL, onMessage);
    for (const session of sessions.values()) session.close();
    sessions.clear();
  };
}
