import { describe, expect, it } from 'vitest';
import { isAppUrl, rendererLocation } from './renderer.location';
import { contentSecurityPolicy, decideNavigation, decideWindowOpen, isExternalLink, isPermissionAllowed } from './security.policy';

const location = rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: '/app/out/renderer' });
const appUrl = location.url;
const isApp = (url: string) => isAppUrl(location, url);

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts, styles and connections, and no plugins or framing', () => {
    const csp = contentSecurityPolicy(location);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('lets the dev server’s own WebSocket through while developing, and nothing else', () => {
    const dev = rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererDir: '/r' });
    expect(contentSecurityPolicy(dev)).toContain("connect-src 'self' ws://localhost:5173;");
  });
});

describe('isPermissionAllowed', () => {
  it('refuses every permission a page can ask for', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midiSysex', 'hid', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission, appUrl, isApp), permission).toBe(false);
    }
  });

  it('lets only the app’s own page write to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', appUrl, isApp)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', isApp)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '', isApp)).toBe(false);
  });
});

describe('links and navigation', () => {
  it.each([
    ['https://t.me/topicdesk', true],
    ['http://shop.example/orders/1', true],
    ['mailto:help@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['tg://resolve?domain=x', false],
    ['ms-msdt:/id', false],
    ['https://', false],
    ['not a url', false],
  ])('%s is an external link: %s', (url, expected) => {
    expect(isExternalLink(url)).toBe(expected);
  });

  it('keeps the window on the app: web links go to the browser, the rest nowhere', () => {
    expect(decideNavigation(`${appUrl}#/queue`, isApp)).toBe('allow');
    expect(decideNavigation('https://example.com/', isApp)).toBe('open-external');
    expect(decideNavigation('file:///home/me/.ssh/id_rsa', isApp)).toBe('deny');
    expect(decideNavigation('data:text/html,<script>1</script>', isApp)).toBe('deny');
  });

  it('never opens a new window, not even of the app itself', () => {
    expect(decideWindowOpen(appUrl)).toBe('deny');
    expect(decideWindowOpen('https://example.com/')).toBe('open-external');
    expect(decideWindowOpen('about:blank')).toBe('deny');
  });
});
