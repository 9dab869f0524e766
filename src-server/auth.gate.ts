// Express middleware in front of express-pouchdb: every request but the welcome (`GET /`) and
// logging in or out (`POST`/`DELETE /_session`) needs a valid user, by Basic auth or the
// `AuthSession` cookie from `_session`; anything else gets 401. Runs in the team server.
// (express-pouchdb alone lets anonymous requests through to any database without members.)
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';

/** Who made a request, as CouchDB's userCtx has it. */
export interface CouchUser {
  name: string;
  roles: string[];
}

/** The session checks of the users database (pouchdb-auth's multi-user API). */
export interface SessionAuthority {
  multiUserLogIn(name: string, password: string): Promise<unknown>;
  multiUserSession(sessionId: string): Promise<unknown>;
}

const LogIn = z.object({ name: z.string(), roles: z.array(z.string()) });
const Session = z.object({ userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }) });

const users = new WeakMap<Request, CouchUser>();

/** The authenticated user of a request that passed the gate. */
export function couchUserOf(req: Request): CouchUser | null {
  return users.get(req) ?? null;
}

export function parseBasicAuthorization(header: string | undefined): { name: string; password: string } | null {
  const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function parseCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

function isOpen(req: Request): boolean {
  if (req.path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return true;
  return req.path === '/_session' && (req.method === 'POST' || req.method === 'DELETE');
}

async function identify(req: Request, authority: SessionAuthority): Promise<CouchUser | null> {
  const cookie = parseCookie(req.headers.cookie, 'AuthSession');
  if (cookie) {
    try {
      const session = Session.parse(await authority.multiUserSession(cookie));
      if (session.userCtx.name !== null) return { name: session.userCtx.name, roles: session.userCtx.roles };
    } catch {
      // A malformed or stale cookie: fall back to Basic auth, as CouchDB does.
    }
  }
  const basic = parseBasicAuthorization(req.headers.authorization);
  if (!basic) return null;
  try {
    const user = LogIn.parse(await authority.multiUserLogIn(basic.name, basic.password));
    return { name: user.name, roles: user.roles };
  } catch {
    return null;
  }
}

export function createAuthGate(authority: SessionAuthority): RequestHandler {
  return (req, res, next) => {
    if (isOpen(req)) {
      next();
      return;
    }
    identify(req, authority).then(
      (user) => {
        if (user) {
          users.set(req, user);
          next();
          return;
        }
        const hadCredentials = Boolean(req.headers.authorization) || parseCookie(req.headers.cookie, 'AuthSession') !== null;
        res
          .status(401)
          .set('WWW-Authenticate', 'Basic realm="Topicdesk sync"')
          .json({
            error: 'unauthorized',
            reason: hadCredentials ? 'Name or password is incorrect.' : 'Authentication required.',
          });
      },
      (error: unknown) => next(error),
    );
  };
}
