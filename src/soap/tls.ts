/**
 * TLS material for the transport: extra trusted CAs, client certificates (PEM or PKCS#12). Files are
 * read once; passphrases come from the caller (the CLI reads them from the environment or a file).
 */

import { t } from '../i18n/translate.js';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { PiSenderError } from '../errors.js';
import { readSecret } from '../secrets.js';

export interface TlsOptions {
  /** PEM file(s) with CAs to trust in addition to Node's bundled roots (e.g. a private CA). */
  caFile?: string | string[];
  /** Client certificate chain (PEM) and its private key (PEM), for services that need one. */
  certFile?: string;
  keyFile?: string;
  /** Client certificate and key as PKCS#12 (.p12 / .pfx). */
  pfxFile?: string;
  /** Passphrase of the key or of the PKCS#12 file. */
  passphrase?: string;
  /**
   * Highest TLS version to offer. Under TLS 1.3 a server that refuses the client certificate says so
   * only after the request has left, indistinguishable from a lost answer; under TLS 1.2 it is a
   * handshake failure, before anything is sent. Services that must not see a request twice use 1.2.
   */
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

/**
 * How a user names TLS material, in flags or a configuration file: file paths only; the passphrase
 * is a file too (or an environment variable), never a value.
 */
export interface CertificateFiles {
  /** Extra CA files to trust. */
  ca?: string[] | undefined;
  /** Client certificate (PEM) and its key (PEM). */
  cert?: string | undefined;
  key?: string | undefined;
  /** Client certificate and key as PKCS#12. */
  pfx?: string | undefined;
  /** File holding the passphrase of `key` or `pfx`. */
  certPassphraseFile?: string | undefined;
}

/**
 * TLS options from certificate files, with the environment where they leave something out:
 * `<PREFIX>_CA_FILE`, `<PREFIX>_CERT_PASSPHRASE`, and with `certFromEnv` also `<PREFIX>_CERT`,
 * `<PREFIX>_KEY`, `<PREFIX>_PFX`.
 */
export function tlsOptionsFrom(f: CertificateFiles, prefix: string, options: { certFromEnv?: boolean; env?: NodeJS.ProcessEnv } = {}): TlsOptions {
  const env = options.env ?? process.env;
  const fromEnv = (name: string): string | undefined => (options.certFromEnv ? env[`${prefix}_${name}`] || undefined : undefined);
  const passphrase = readSecret(`${prefix}_CERT_PASSPHRASE`, f.certPassphraseFile, t('secret.certPassphrase'));
  const ca = f.ca ?? (env[`${prefix}_CA_FILE`] ? [env[`${prefix}_CA_FILE`]!] : undefined);
  const cert = f.cert ?? fromEnv('CERT');
  const key = f.key ?? fromEnv('KEY');
  const pfx = f.pfx ?? fromEnv('PFX');
  return {
    ...(ca ? { caFile: ca } : {}),
    ...(cert ? { certFile: cert } : {}),
    ...(key ? { keyFile: key } : {}),
    ...(pfx ? { pfxFile: pfx } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
  };
}

/** What undici's `connect` option takes. */
export interface ConnectTls {
  ca?: string[];
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  rejectUnauthorized: true;
  ciphers: string;
}

/**
 * OpenSSL security level 2 (112-bit): certificates signed with SHA-1 or with RSA keys under 2048 bits
 * are refused. Node's default (level 1) accepts RSA-1024, which no CA has issued since 2013.
 */
const CIPHERS = 'DEFAULT@SECLEVEL=2';

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new PiSenderError('ERR_CONFIG', t('tls.cannotRead', { what, file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }), { file });
  }
}

/** Reads the files named in `options`. Verification of the server is always on. */
export function loadTls(options: TlsOptions = {}): ConnectTls {
  const tls: ConnectTls = { rejectUnauthorized: true, ciphers: CIPHERS };
  const caFiles = options.caFile === undefined ? [] : [options.caFile].flat();
  if (caFiles.length > 0) {
    // Giving `ca` replaces Node's roots: keep them, so a public service stays trusted too.
    tls.ca = [...rootCertificates, ...caFiles.map((f) => read(f, t('tls.caFile')).toString('utf8'))];
  }
  if (options.pfxFile) {
    if (options.certFile || options.keyFile) {
      throw new PiSenderError('ERR_CONFIG', t('tls.pfxOrPem'));
    }
    tls.pfx = read(options.pfxFile, t('tls.pkcs12File'));
  } else if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) throw new PiSenderError('ERR_CONFIG', t('tls.certAndKey'));
    tls.cert = read(options.certFile, t('tls.certificateFile'));
    tls.key = read(options.keyFile, t('tls.keyFile'));
  }
  if (options.passphrase !== undefined) tls.passphrase = options.passphrase;
  if (options.maxVersion) tls.maxVersion = options.maxVersion;
  return tls;
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/** A sentence for a TLS failure, with what to do about it; undefined when `code` is not a TLS code. */
export function describeTlsError(code: string | undefined, message: string): string | undefined {
  if (!code) return undefined;
  if (UNTRUSTED.has(code)) {
    return t('tls.untrusted', { code });
  }
  if (code === 'CERT_HAS_EXPIRED') return t('tls.expired', { code });
  if (/too weak|too small/i.test(message) || /MD_TOO_WEAK|KEY_TOO_SMALL/.test(code)) {
    return t('tls.weak', { message });
  }
  if (/ALERT_CERTIFICATE_REQUIRED/.test(code)) {
    return t('tls.certificateRequired', { code });
  }
  if (code === 'CERT_NOT_YET_VALID') return t('tls.notYetValid', { code });
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return t('tls.altName', { code });
  if (/ALERT_HANDSHAKE_FAILURE/.test(code)) {
    return t('tls.handshakeRefused', { code });
  }
  if (
    /ALERT_UNKNOWN_CA|ALERT_BAD_CERTIFICATE|ALERT_CERTIFICATE_UNKNOWN|ALERT_ACCESS_DENIED/.test(code) ||
    (code === 'ECONNRESET' && /before secure TLS connection/.test(message))
  ) {
    return t('tls.clientRefused', { code });
  }
  if (/^ERR_OSSL|^ERR_TLS|^ERR_SSL/.test(code) || /unsupported|mac verify|bad decrypt|wrong tag|PKCS12/i.test(message)) {
    return t('tls.setupFailed', { code, message });
  }
  if (/alert|handshake/i.test(message) && /certificate/i.test(message)) {
    return t('tls.handshakeMaybe', { message });
  }
  return undefined;
}
