import { spawn } from 'node:child_process';
import type http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, TlsError, TransportError } from '../../src/soap/errors.js';
import { bypassesProxy, HttpTransport, retryAfterMs } from '../../src/soap/transport.js';
import { listen, type Listening } from '../../src/simulator/server.js';
import { makeTestPki, makeWeakServerCerts, type TestPki } from '../helpers/certs.js';
import { connectProxy } from '../helpers/proxy.js';

let pki: TestPki;
const servers: Listening[] = [];
const echo = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    res.end(JSON.stringify({ body, auth: req.headers['authorization'] ?? null, action: req.headers['soapaction'] ?? null, client: peer?.subject?.CN ?? null }));
  });
};

beforeAll(() => {
  pki = makeTestPki();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `openssl s_server` answering HTTP (-www): a TLS stack that sends the alerts a real server sends. */
async function opensslServer(extra: string[]): Promise<{ origin: string; close: () => void }> {
  const port = await freePort();
  const child = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', pki.serverCert, '-key', pki.serverKey, '-www', '-quiet', ...extra], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Ready when the port accepts connections.
  for (let ready = false; !ready;) {
    if (child.exitCode !== null) throw new Error(`openssl s_server exited with ${child.exitCode}`);
    ready = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => setTimeout(() => resolve(false), 25));
    });
  }
  return { origin: `https://127.0.0.1:${port}`, close: () => child.kill() };
}

async function serve(handler: http.RequestListener, tls?: Parameters<typeof listen>[1]['tls']): Promise<string> {
  const s = await listen(handler, tls ? { tls } : {});
  servers.push(s);
  return s.origin;
}

describe('HttpTransport', () => {
  it('POSTs with HTTP Basic and reuses the connection (keep-alive)', async () => {
    const sockets = new Set<unknown>();
    const received: Array<string | undefined> = [];
    const origin = await serve((req, res) => {
      sockets.add(req.socket);
      received.push(req.headers['authorization']);
      echo(req, res);
    });
    const t = new HttpTransport({ basicAuth: { user: '99991', password: 'sénha:x' } });
    for (let i = 0; i < 10; i++) {
      const r = await t.post(`${origin}/x`, `corpo ${i}`, { soapaction: '""' });
      // The server got the header; its echo comes back redacted.
      expect(received[i]).toBe(`Basic ${Buffer.from('99991:sénha:x').toString('base64')}`);
      expect(JSON.parse(r.body)).toMatchObject({ body: `corpo ${i}`, auth: '***', action: '""' });
    }
    // undici may open a second pooled connection; without keep-alive there would be 10
    expect(sockets.size).toBeLessThanOrEqual(2);
    await t.close();
  });

  it('sends a body of fragments whole, each request its own bytes, while buffers are reused', async () => {
    const received: Array<{ body: string; length: string | undefined }> = [];
    const origin = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), length: req.headers['content-length'] });
        res.end('ok');
      });
    });
    const t = new HttpTransport();
    const bodies = [5000, 10, 70_000, 3, 900_000, 1].map((n, i) => ['<b>', `ação ${i} `.repeat(n), '😀</b>']);
    for (const parts of bodies) expect((await t.post(`${origin}/`, parts, {})).body).toBe('ok');
    await Promise.all(bodies.map((parts) => t.post(`${origin}/`, parts, {})));
    expect(received).toHaveLength(2 * bodies.length);
    const expected = bodies.map((parts) => parts.join(''));
    expect(received.slice(0, bodies.length).map((r) => r.body)).toEqual(expected);
    expect(
      received
        .slice(bodies.length)
        .map((r) => r.body)
        .sort(),
    ).toEqual([...expected].sort());
    for (const r of received) expect(Number(r.length)).toBe(Buffer.byteLength(r.body));
    await t.close();
  });

  it('turns 401 and 403 into an AuthError', async () => {
    const origin = await serve((_req, res) => {
      res.statusCode = 403;
      res.end('no');
    });
    const t = new HttpTransport();
    await expect(t.post(`${origin}/`, 'x', {})).rejects.toBeInstanceOf(AuthError);
    await t.close();
  });

  it('reports a refused connection as not received, a reset as maybe received', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const t = new HttpTransport({ connectTimeoutMs: 2000 });
    const refused = await t.post(`http://127.0.0.1:${closed}/`, 'x', {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransportError);
    expect(refused).toMatchObject({ reason: 'ECONNREFUSED', maybeReceived: false });
    const origin = await serve((req) => req.socket.destroy());
    const reset = await t.post(`${origin}/`, 'x', {}).catch((e: unknown) => e);
    expect(reset).toMatchObject({ code: 'ERR_TRANSPORT', maybeReceived: true });
    await t.close();
  });

  it('times out when the service does not answer', async () => {
    const origin = await serve(() => undefined);
    const t = new HttpTransport({ headersTimeoutMs: 300 });
    await expect(t.post(`${origin}/`, 'x', {})).rejects.toMatchObject({ reason: 'UND_ERR_HEADERS_TIMEOUT', maybeReceived: true });
    await t.close();
  });

  it('refuses answers larger than the maximum', async () => {
    const origin = await serve((_req, res) => res.end('x'.repeat(10_000)));
    const t = new HttpTransport({ maxResponseBytes: 1000 });
    await expect(t.post(`${origin}/`, 'x', {})).rejects.toMatchObject({ reason: 'UND_ERR_RES_EXCEEDED_MAX_SIZE' });
    await t.close();
  });

  it('verifies TLS: a private CA is refused unless given with caFile', async () => {
    const origin = await serve(echo, { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) });
    const plain = new HttpTransport();
    const err = await plain.post(`${origin}/`, 'x', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TlsError);
    expect((err as TlsError).message).toMatch(/not trusted.*--ca/);
    await plain.close();
    const trusted = new HttpTransport({ tls: { caFile: pki.caCert } });
    expect(JSON.parse((await trusted.post(`${origin}/`, 'ok', {})).body)).toMatchObject({ body: 'ok' });
    await trusted.close();
  });

  it('presents a client certificate, PEM or PKCS#12, when the service requires one', async () => {
    const origin = await serve(echo, { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey), ca: pki.read(pki.caCert) });
    const pem = new HttpTransport({ tls: { caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey } });
    expect(JSON.parse((await pem.post(`${origin}/`, 'x', {})).body).client).toBe('12345678909');
    await pem.close();
    const p12 = new HttpTransport({ tls: { caFile: pki.caCert, pfxFile: pki.clientP12, passphrase: 'clientpass' } });
    expect(JSON.parse((await p12.post(`${origin}/`, 'x', {})).body).client).toBe('12345678909');
    await p12.close();
    const wrongPass = new HttpTransport({ tls: { caFile: pki.caCert, pfxFile: pki.clientP12, passphrase: 'errada' } });
    await expect(wrongPass.post(`${origin}/`, 'x', {})).rejects.toBeInstanceOf(TlsError);
    await wrongPass.close();
    // TLS 1.3: the server's "certificate required" alert comes after the handshake; it is still a TLS error.
    const none = new HttpTransport({ tls: { caFile: pki.caCert } });
    await expect(none.post(`${origin}/`, 'x', {})).rejects.toMatchObject({ code: 'ERR_TLS', message: expect.stringMatching(/asks for a client certificate/) });
    await none.close();
    const none12 = new HttpTransport({ tls: { caFile: pki.caCert, maxVersion: 'TLSv1.2' } });
    await expect(none12.post(`${origin}/`, 'x', {})).rejects.toMatchObject({
      code: 'ERR_TLS',
      message: expect.stringMatching(/requires a client certificate/),
    });
    await none12.close();
  });

  it('names a client certificate the server does not trust (OpenSSL server, TLS 1.2 and 1.3)', async () => {
    for (const version of ['-tls1_2', '-tls1_3']) {
      const server = await opensslServer(['-Verify', '1', '-verify_return_error', '-CAfile', pki.caCert, version]);
      try {
        const t = new HttpTransport({ tls: { caFile: pki.caCert, certFile: pki.otherClientCert, keyFile: pki.otherClientKey } });
        await expect(t.post(`${server.origin}/`, 'x', {}), version).rejects.toMatchObject({
          code: 'ERR_TLS',
          message: expect.stringMatching(/refused our client certificate/),
        });
        await t.close();
        const none = new HttpTransport({ tls: { caFile: pki.caCert } });
        await expect(none.post(`${server.origin}/`, 'x', {}), version).rejects.toMatchObject({
          code: 'ERR_TLS',
          message: expect.stringMatching(/client certificate/),
        });
        await none.close();
      } finally {
        server.close();
      }
    }
  });

  it('refuses server certificates signed with SHA-1 or with an RSA-1024 key, naming the reason', async () => {
    const weak = makeWeakServerCerts(pki);
    for (const [cert, key] of [
      [weak.sha1Cert, weak.sha1Key],
      [weak.rsa1024Cert, weak.rsa1024Key],
    ] as const) {
      // The server side must lower its own security level even to load such a certificate.
      const server = https.createServer({ cert: pki.read(cert), key: pki.read(key), ciphers: 'DEFAULT@SECLEVEL=0' }, (_req, res) => res.end('ok'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const t = new HttpTransport({ tls: { caFile: pki.caCert } });
      try {
        await expect(t.post(`https://127.0.0.1:${(server.address() as net.AddressInfo).port}/`, 'x', {})).rejects.toMatchObject({
          code: 'ERR_TLS',
          message: expect.stringMatching(/weak cryptography \((CA signature digest algorithm too weak|EE certificate key too weak)\)/),
        });
      } finally {
        await t.close();
        server.closeAllConnections();
        server.close();
      }
    }
  });

  it('a proxy that refuses, asks for a login, forbids or never answers is named, without its credentials', async () => {
    const origin = await serve(echo, { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) });
    const closed = await freePort();
    const refused = new HttpTransport({ proxy: `http://127.0.0.1:${closed}`, tls: { caFile: pki.caCert } });
    await expect(refused.post(`${origin}/`, 'x', {})).rejects.toMatchObject({ code: 'ERR_PROXY', message: expect.stringMatching(/refuses connections/) });
    await refused.close();

    const guarded = await connectProxy({ credentials: 'agente:certa' });
    const anonymous = new HttpTransport({ proxy: guarded.url, tls: { caFile: pki.caCert } });
    await expect(anonymous.post(`${origin}/`, 'x', {})).rejects.toMatchObject({
      code: 'ERR_PROXY',
      message: expect.stringMatching(/asks for a login \(HTTP 407\)/),
    });
    await anonymous.close();
    const wrong = new HttpTransport({ proxy: guarded.url.replace('//', '//agente:errada-demais@'), tls: { caFile: pki.caCert } });
    const err = (await wrong.post(`${origin}/`, 'x', {}).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'ERR_PROXY', message: expect.stringMatching(/refused its user and password \(HTTP 407\)/) });
    expect(err.message).not.toContain('errada-demais');
    await wrong.close();
    const right = new HttpTransport({ proxy: guarded.url.replace('//', '//agente:certa@'), tls: { caFile: pki.caCert } });
    expect(JSON.parse((await right.post(`${origin}/`, 'ok', {})).body).body).toBe('ok');
    await right.close();
    guarded.close();

    const forbidding = net.createServer((c) => c.once('data', () => c.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')));
    const silent = net.createServer(() => undefined);
    for (const s of [forbidding, silent]) await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const port = (s: net.Server): number => (s.address() as net.AddressInfo).port;
    const forbidden = new HttpTransport({ proxy: `http://127.0.0.1:${port(forbidding)}`, tls: { caFile: pki.caCert } });
    await expect(forbidden.post(`${origin}/`, 'x', {})).rejects.toMatchObject({
      code: 'ERR_PROXY',
      message: expect.stringMatching(/refuses the connection to .*HTTP 403/),
    });
    await forbidden.close();
    const hanging = new HttpTransport({ proxy: `http://127.0.0.1:${port(silent)}`, connectTimeoutMs: 200, headersTimeoutMs: 200, tls: { caFile: pki.caCert } });
    const timedOut = (await hanging.post(`${origin}/`, 'x', {}).catch((e: unknown) => e)) as TransportError;
    expect(timedOut).toMatchObject({ code: 'ERR_TRANSPORT', reason: 'PROXY_TIMEOUT', maybeReceived: false });
    expect(timedOut.message).toMatch(/the proxy http:\/\/127\.0\.0\.1:\d+ did not answer/);
    await hanging.close();
    forbidding.close();
    silent.close();
  });

  it('a proxy that cannot reach the service (CONNECT 502) is a transient failure, named after the proxy', async () => {
    const origin = await serve(echo, { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) });
    const gateway = net.createServer((c) => c.once('data', () => c.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')));
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
    const t = new HttpTransport({ proxy: `http://127.0.0.1:${(gateway.address() as net.AddressInfo).port}`, tls: { caFile: pki.caCert } });
    try {
      const err = (await t.post(`${origin}/`, 'x', {}).catch((e: unknown) => e)) as TransportError;
      expect(err).toMatchObject({ code: 'ERR_TRANSPORT', reason: 'PROXY_502', maybeReceived: false });
      expect(err.message).toMatch(/^the proxy http:\/\/127\.0\.0\.1:\d+ could not reach 127\.0\.0\.1:\d+ \(HTTP 502\)$/);
    } finally {
      await t.close();
      gateway.close();
    }
  });

  it('NO_PROXY: a refused connection to a host that bypasses the proxy is blamed on the service, not the proxy', async () => {
    const closed = await freePort();
    const proxyPort = await freePort();
    process.env['HTTPS_PROXY'] = `http://127.0.0.1:${proxyPort}`;
    process.env['NO_PROXY'] = 'localhost,127.0.0.1';
    try {
      const t = new HttpTransport({ tls: { caFile: pki.caCert } });
      const err = (await t.post(`https://127.0.0.1:${closed}/`, 'x', {}).catch((e: unknown) => e)) as TransportError;
      expect(err).toMatchObject({ code: 'ERR_TRANSPORT', reason: 'ECONNREFUSED', maybeReceived: false });
      expect(err.message).toBe(`https://127.0.0.1:${closed}: connection refused`);
      await t.close();
    } finally {
      delete process.env['HTTPS_PROXY'];
      delete process.env['NO_PROXY'];
    }
  });

  it('goes through an HTTP proxy (CONNECT for HTTPS), given or from HTTPS_PROXY', async () => {
    const origin = await serve(echo, { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) });
    const proxy = await connectProxy();
    const proxyUrl = proxy.url;
    const given = new HttpTransport({ proxy: proxyUrl, tls: { caFile: pki.caCert } });
    expect(JSON.parse((await given.post(`${origin}/`, 'via proxy', {})).body).body).toBe('via proxy');
    await given.close();
    expect(proxy.tunnels()).toBe(1);
    process.env['HTTPS_PROXY'] = proxyUrl;
    try {
      const env = new HttpTransport({ tls: { caFile: pki.caCert } });
      expect(JSON.parse((await env.post(`${origin}/`, 'env proxy', {})).body).body).toBe('env proxy');
      await env.close();
    } finally {
      delete process.env['HTTPS_PROXY'];
      proxy.close();
    }
    expect(proxy.tunnels()).toBe(2);
  });

  it('reads NO_PROXY as curl does: hosts, domain suffixes, host:port, *', () => {
    const url = new URL('https://pi.gov.br/ProtocoloWS');
    expect(bypassesProxy(url, 'pi.gov.br')).toBe(true);
    expect(bypassesProxy(url, '.gov.br')).toBe(true);
    expect(bypassesProxy(url, '*.gov.br')).toBe(true);
    expect(bypassesProxy(url, 'gov.br:443')).toBe(true);
    expect(bypassesProxy(url, 'gov.br:8443')).toBe(false);
    expect(bypassesProxy(url, 'localhost, 127.0.0.1')).toBe(false);
    expect(bypassesProxy(url, 'xpi.gov.br')).toBe(false);
    expect(bypassesProxy(url, '*')).toBe(true);
    expect(bypassesProxy(url, '')).toBe(false);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
