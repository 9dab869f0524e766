// Picks the bridge to the core: the Electron preload's, or a WebSocket to the headless host
// (with the token from the page's address). The rest of the UI only sees `Bridge`.
import { createWireClient, type Bridge } from '../../../src-preload/contract';
import { createWebSocketPort } from './ws-bridge';

declare global {
  interface Window {
    topicdesk?: Bridge;
  }
}

const TOKEN_KEY = 'topicdesk.token';

function hostToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function connectBridge(): Bridge | { error: string } {
  if (window.topicdesk) return window.topicdesk;
  const token = hostToken();
  if (!token) return { error: 'This page needs the access token: open the address that "npm run serve" printed.' };
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const port = createWebSocketPort(`${scheme}://${window.location.host}/bridge?token=${encodeURIComponent(token)}`);
  return createWireClient(port);
}
