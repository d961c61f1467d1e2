import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestPki {
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** Client certificate and key as PKCS#12 (AES), passphrase `clientpass`. */
  clientP12: string;
  /** A second CA that signed nothing the server trusts. */
  otherCaCert: string;
  otherClientCert: string;
  otherClientKey: string;
  read(file: string): Buffer;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function issue(
  dir: string,
  name: string,
  subject: string,
  ca: { cert: string; key: string },
  ext: string,
  weak: { bits?: number; digest?: string } = {},
): void {
  openssl(['req', '-newkey', `rsa:${weak.bits ?? 2048}`, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
  writeFileSync(path.join(dir, `${name}.ext`), ext);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      `-${weak.digest ?? 'sha256'}`,
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
}

/** A throwaway PKI made with openssl for this test run: a CA, a server for 127.0.0.1, clients. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'pi-sender-pki-'));
  const ca = (name: string, cn: string): void =>
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
        '-days',
        '2',
        '-subj',
        `/CN=${cn}`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
  ca('ca', 'pi-sender test CA');
  ca('other-ca', 'another CA');
  issue(dir, 'server', '/CN=localhost', { cert: 'ca.crt', key: 'ca.key' }, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue(dir, 'client', '/CN=12345678909', { cert: 'ca.crt', key: 'ca.key' }, 'extendedKeyUsage=clientAuth\n');
  issue(dir, 'other-client', '/CN=intruso', { cert: 'other-ca.crt', key: 'other-ca.key' }, 'extendedKeyUsage=clientAuth\n');
  openssl(
    [
      'pkcs12',
      '-export',
      '-in',
      'client.crt',
      '-inkey',
      'client.key',
      '-out',
      'client.p12',
      '-passout',
      'pass:clientpass',
      '-keypbe',
      'AES-256-CBC',
      '-certpbe',
      'AES-256-CBC',
      '-macalg',
      'sha256',
    ],
    dir,
  );
  const p = (f: string): string => path.join(dir, f);
  return {
    dir,
    caCert: p('ca.crt'),
    caKey: p('ca.key'),
    serverCert: p('server.crt'),
    serverKey: p('server.key'),
    clientCert: p('client.crt'),
    clientKey: p('client.key'),
    clientP12: p('client.p12'),
    otherCaCert: p('other-ca.crt'),
    otherClientCert: p('other-client.crt'),
    otherClientKey: p('other-client.key'),
    read: (f) => readFileSync(f),
  };
}

/** Server certificates no client should accept, from the test CA: signed with SHA-1, and an RSA-1024 key. */
export function makeWeakServerCerts(pki: TestPki): { sha1Cert: string; sha1Key: string; rsa1024Cert: string; rsa1024Key: string } {
  const ca = { cert: 'ca.crt', key: 'ca.key' };
  const ext = 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n';
  issue(pki.dir, 'sha1-server', '/CN=localhost', ca, ext, { digest: 'sha1' });
  issue(pki.dir, 'rsa1024-server', '/CN=localhost', ca, ext, { bits: 1024 });
  const p = (f: string): string => path.join(pki.dir, f);
  return { sha1Cert: p('sha1-server.crt'), sha1Key: p('sha1-server.key'), rsa1024Cert: p('rsa1024-server.crt'), rsa1024Key: p('rsa1024-server.key') };
}
