// Applies the security policy to Electron: on the session (CSP header, permission handlers)
// and on every webContents the app ever creates (navigation, redirects, new windows,
// <webview>). Main process; Electron objects are passed in, never imported.
import type { Session, WebContents } from 'electron';
import { decideNavigation, decideWindowOpen, isPermissionAllowed } from './security.policy';

export interface SecurityPolicy {
  csp: string;
  isAppUrl(url: string): boolean;
  openExternal(url: string): void;
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

export function hardenSession(session: SessionLike, policy: SecurityPolicy): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy.csp] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, policy.isAppUrl));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? contents?.getURL() ?? '', policy.isAppUrl),
  );
  // USB, HID and serial devices: never.
  session.setDevicePermissionHandler(() => false);
}

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** For app.on('web-contents-created'): every webContents, including ones the app never meant to make. */
export function guardWebContents(contents: ContentsLike, policy: SecurityPolicy): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') policy.openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url, policy.isAppUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') policy.openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  // A redirect can turn an allowed navigation into one to anywhere.
  contents.on('will-redirect', guard);
}
