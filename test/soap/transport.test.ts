import type http from 'node:http';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, TlsError, TransportError } from '../../src/soap/errors.js';
import { HttpTransport, retryAfterMs } from '../../src/soap/transport.js';
import { listen, type Listening } from '../../src/simulator/server.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
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

async function serve(handler: http.RequestListener, tls?: Parameters<typeof listen>[1]['tls']): Promise<string> {
  const s = await listen(handler, tls ? { tls } : {});
  servers.push(s);
  return s.origin;
}

describe('HttpTransport', () => {
  it('POSTs with HTTP Basic and reuses the connection (keep-alive)', async () => {
    const sockets = new Set<unknown>();
    const origin = await serve((req, res) => {
      sockets.add(req.socket);
      echo(req, res);
    });
    const t = new HttpTransport({ basicAuth: { user: '99991', password: 'sénha:x' } });
    for (let i = 0; i < 10; i++) {
      const r = await t.post(`${origin}/x`, `corpo ${i}`, { soapaction: '""' });
      expect(JSON.parse(r.body)).toMatchObject({ body: `corpo ${i}`, auth: `Basic ${Buffer.from('99991:sénha:x').toString('base64')}`, action: '""' });
    }
    // undici may open a second pooled connection; without keep-alive there would be 10
    expect(sockets.size).toBeLessThanOrEqual(2);
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
    const none = new HttpTransport({ tls: { caFile: pki.caCert } });
    await expect(none.post(`${origin}/`, 'x', {})).rejects.toMatchObject({ code: expect.stringMatching(/ERR_TLS|ERR_TRANSPORT/) });
    await none.close();
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

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
