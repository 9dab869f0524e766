import { describe, expect, it } from 'vitest';
import { isAppUrl, rendererLocation } from './renderer.location';

const built = rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: '/opt/Topicdesk/resources/app.asar/out/renderer' });
const dev = rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/', rendererDir: '/work/out/renderer' });

describe('rendererLocation', () => {
  it('loads the built index.html, as a file URL', () => {
    expect(built).toEqual({
      kind: 'file',
      path: '/opt/Topicdesk/resources/app.asar/out/renderer/index.html',
      url: 'file:///opt/Topicdesk/resources/app.asar/out/renderer/index.html',
    });
  });

  it('uses the dev server only when unpackaged and on this machine', () => {
    expect(dev).toEqual({ kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173/', rendererDir: '/r' }).kind).toBe('file');
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'https://cdn.example.com/', rendererDir: '/r' }).kind).toBe('file');
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'file:///tmp/x.html', rendererDir: '/r' }).kind).toBe('file');
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'not a url', rendererDir: '/r' }).kind).toBe('file');
  });

  it('encodes unusual characters in the path the way Chromium reports them', () => {
    const spaced = rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: '/Users/a b/Topicdesk#1/out/renderer' });
    expect(spaced.url).toBe('file:///Users/a%20b/Topicdesk%231/out/renderer/index.html');
    expect(isAppUrl(spaced, 'file:///Users/a%20b/Topicdesk%231/out/renderer/index.html#/tickets')).toBe(true);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['file:///opt/Topicdesk/resources/app.asar/out/renderer/index.html', true],
    ['file:///opt/Topicdesk/resources/app.asar/out/renderer/index.html#/ticket/tg:1:2', true],
    ['file:///opt/Topicdesk/resources/app.asar/out/renderer/index.html?x=1', true],
    ['file:///opt/Topicdesk/resources/app.asar/out/renderer/other.html', false],
    ['file:///opt/Topicdesk/resources/app.asar/out/renderer/', false],
    ['file:///etc/passwd', false],
    ['file://evil-host/opt/Topicdesk/resources/app.asar/out/renderer/index.html', false],
    ['https://example.com/opt/Topicdesk/resources/app.asar/out/renderer/index.html', false],
    ['about:blank', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('built app: %s → %s', (url, expected) => {
    expect(isAppUrl(built, url)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5173.evil.io/', false],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///work/out/renderer/index.html', false],
  ])('dev server: %s → %s', (url, expected) => {
    expect(isAppUrl(dev, url)).toBe(expected);
  });
});
