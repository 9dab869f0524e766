// Where the app's own page comes from (the built file, or the dev server while developing)
// and whether a URL is that page: the one check behind navigation guards, IPC sender checks
// and permissions. Pure; used by the main process.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  | { kind: 'file'; path: string; url: string }
  | { kind: 'dev-server'; url: string; origin: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The built renderer, unless this is an unpackaged development run with a dev server on this
 * machine: a packaged app never loads a page named by the environment.
 */
export function rendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined; rendererDir: string }): RendererLocation {
  const dev = !options.isPackaged && options.devServerUrl ? parse(options.devServerUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && LOOPBACK_HOSTS.has(dev.hostname)) {
    return { kind: 'dev-server', url: dev.href, origin: dev.origin };
  }
  const path = join(options.rendererDir, 'index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}

/**
 * True only for the app's own page: the same origin as the dev server, or exactly the built
 * index.html (any query or hash). Prefix checks are not enough: http://localhost:5173.evil.io
 * starts with http://localhost:5173.
 */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (location.kind === 'dev-server') return parsed.origin === location.origin;
  const own = new URL(location.url);
  return parsed.protocol === 'file:' && parsed.host === own.host && parsed.pathname === own.pathname;
}
