// The headless host: serves the built renderer and the WebSocket bridge on 127.0.0.1.
// Without the token, only the page shell and /healthz answer; no data, no commands.
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { createServer, type IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import type { Dispatcher } from '../core/dispatcher';
import { attachWebSocket, MAX_FRAME_BYTES } from './ws.transport';

export interface HostOptions {
  dispatcher: Dispatcher;
  token: string;
  port: number;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
}

export interface Host {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const BRIDGE_PATH = '/bridge';

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export async function startHost(options: HostOptions): Promise<Host> {
  const index = join(options.rendererDir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The renderer is not built (${index} is missing). Run "npm run build" first.`);
  }
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy());
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // The shell and its assets carry no data; everything else goes over the token-checked socket.
  app.use(express.static(options.rendererDir, { index: 'index.html', fallthrough: true }));
  app.use((_req, res) => {
    res.status(404).json({ ok: false, error: 'not found' });
  });

  const server = createServer(app);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== BRIDGE_PATH || !tokenMatches(options.token, url.searchParams.get('token'))) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachWebSocket(ws, options.dispatcher));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
