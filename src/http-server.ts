/**
 * Listening over HTTP(S) with a bounded body: shared by the simulators and the console. A port in use
 * or not allowed is a setting to change (ERR_CONFIG, one line), never a crash.
 */

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { PiSenderError } from './errors.js';
import { t } from './i18n/translate.js';

export interface ServerTls {
  cert: string | Buffer;
  key: string | Buffer;
  /** CA(s) that client certificates must chain to; with it, a client certificate is required. */
  ca?: string | Buffer | Array<string | Buffer>;
  requestCert?: boolean;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Listening {
  server: http.Server | https.Server;
  origin: string;
  close(): Promise<void>;
}

export async function listen(handler: Handler, options: { host?: string; port?: number; tls?: ServerTls }): Promise<Listening> {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      } else res.destroy();
    });
  };
  const tls = options.tls;
  const server = tls
    ? https.createServer(
        { cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca, requestCert: tls.requestCert ?? true, rejectUnauthorized: tls.requestCert ?? true } : {}) },
        onRequest,
      )
    : http.createServer(onRequest);
  server.keepAliveTimeout = 60_000;
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const where = `${options.host ?? '127.0.0.1'}:${options.port ?? 0}`;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      // A port in use or not allowed is a setting to change, not a bug: one line, exit 2.
      const known = err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL';
      reject(
        known ? new PiSenderError('ERR_CONFIG', t('listen.failed', { where, reason: t(`listen.${err.code}` as 'listen.EACCES'), code: err.code ?? '' })) : err,
      );
    });
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    server,
    origin: `${tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export class BodyTooLarge extends Error {}

/** Reads a request body as UTF-8, refusing more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLarge(`request larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
