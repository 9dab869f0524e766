// What the app's pages may do, as pure decisions: the Content-Security-Policy, which
// permission requests pass, where links and navigations go. Wired by security.guards.ts.
import type { RendererLocation } from './renderer.location';

/** Stricter than the page's own meta policy, and also sent on every response. */
export function contentSecurityPolicy(location: RendererLocation): string {
  // The dev server pushes module updates over a WebSocket on its own origin.
  const connect = location.kind === 'dev-server' ? `'self' ${location.origin.replace(/^http/, 'ws')}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Everything is refused except writing to the clipboard from the app's own page ("copy
 * ticket link"). Notifications come from the main process and need no page permission.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, isAppUrl: (url: string) => boolean): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** Links the system browser (or mail client) may open; never file:, custom schemes or scripts. */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** The window only ever shows the app; a followed web link opens in the browser instead. */
export function decideNavigation(url: string, isAppUrl: (url: string) => boolean): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isExternalLink(url) ? 'open-external' : 'deny';
}

/** The app never opens windows of its own: window.open and target=_blank go to the browser. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isExternalLink(url) ? 'open-external' : 'deny';
}
