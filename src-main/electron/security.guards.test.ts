import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, hardenSession, type SecurityPolicy } from './security.guards';

const APP = 'file:///app/out/renderer/index.html';

function policy(): SecurityPolicy & { opened: string[] } {
  const opened: string[] = [];
  return { csp: "default-src 'self'", isAppUrl: (url) => url.startsWith(APP), openExternal: (url) => opened.push(url), opened };
}

/** Just enough of a webContents: events, and the window-open handler it was given. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  fire(event: string, url?: string): boolean {
    const e = { url: url ?? '', defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const p = policy();
  guardWebContents(contents as unknown as WebContents, p);
  return { contents, p };
}

describe('guardWebContents', () => {
  it('lets the app navigate within itself', () => {
    const { contents, p } = guarded();
    expect(contents.fire('will-navigate', `${APP}#/ticket/1`)).toBe(false);
    expect(p.opened).toEqual([]);
  });

  it('blocks navigation away, opening web links in the browser instead', () => {
    const { contents, p } = guarded();
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(p.opened).toEqual(['https://example.com/']);
  });

  it('blocks redirects that leave the app', () => {
    const { contents } = guarded();
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', APP)).toBe(false);
  });

  it('denies every new window and <webview>', () => {
    const { contents, p } = guarded();
    expect(contents.openHandler?.({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: APP })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///x' })).toEqual({ action: 'deny' });
    expect(p.opened).toEqual(['https://example.com/a']);
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  function harden() {
    const session = {
      headers: vi.fn(),
      request: vi.fn(),
      check: vi.fn(),
      device: vi.fn(),
      webRequest: { onHeadersReceived: (fn: unknown) => session.headers(fn) },
      setPermissionRequestHandler: (fn: unknown) => session.request(fn),
      setPermissionCheckHandler: (fn: unknown) => session.check(fn),
      setDevicePermissionHandler: (fn: unknown) => session.device(fn),
    };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0], policy());
    const handler = <T>(mock: ReturnType<typeof vi.fn>) => mock.mock.calls[0]?.[0] as T;
    return {
      headers: handler<(d: object, cb: (r: object) => void) => void>(session.headers),
      request: handler<(c: object, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void>(session.request),
      check: handler<(c: { getURL(): string } | null, p: string, o: string, d: { requestingUrl?: string }) => boolean>(session.check),
      device: handler<() => boolean>(session.device),
    };
  }

  it('adds the CSP to every response, keeping the other headers', () => {
    const { headers } = harden();
    const callback = vi.fn();
    headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] } });
  });

  it('answers permission requests and checks with the policy (deny by default)', () => {
    const { request, check, device } = harden();
    const answers: boolean[] = [];
    request({}, 'media', (ok) => answers.push(ok), { requestingUrl: APP });
    request({}, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: APP });
    request({}, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'https://x.example/' });
    expect(answers).toEqual([false, true, false]);
    expect(check(null, 'geolocation', 'file://', { requestingUrl: APP })).toBe(false);
    expect(check({ getURL: () => APP }, 'clipboard-sanitized-write', 'file://', {})).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(device()).toBe(false);
  });
});
