/**
 * Secrets come from the environment or from a file, never from a flag (flags end up in shell history
 * and in `ps`). Every secret read is registered for redaction (src/redact.ts).
 */

import { readFileSync } from 'node:fs';
import { PiSenderError } from './errors.js';
import { t } from './i18n/translate.js';
import { registerSecret } from './redact.js';

/** Reads a secret from `file` (first line, no trailing newline) or from the environment variable. */
export function readSecret(envName: string, file: string | undefined, what: string): string | undefined {
  let value: string | undefined;
  if (file !== undefined) {
    try {
      value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new PiSenderError('ERR_CONFIG', t('secret.cannotRead', { what, file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
    }
  } else {
    const v = process.env[envName];
    value = v === undefined || v === '' ? undefined : v;
  }
  registerSecret(value);
  return value;
}

/**
 * The proxy URL to use: `proxy` (which must not carry credentials: a flag is visible in `ps`, a
 * configuration file to whoever reads it), with the `user:password` of `credentialsFile` added.
 * `where` names the setting in the error (`--proxy`, `pi.proxy`).
 */
export function proxyWithCredentials(proxy: string | undefined, credentialsFile: string | undefined, where: string): string | undefined {
  if (proxy === undefined || proxy === '') {
    if (credentialsFile !== undefined) throw new PiSenderError('ERR_USAGE', t('secret.proxyNeeded', { where }));
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(proxy);
  } catch {
    throw new PiSenderError('ERR_USAGE', t('secret.proxyNotUrl', { where, proxy: proxy.replace(/\/\/[^@/]*@/, '//***@') }));
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    throw new PiSenderError('ERR_USAGE', t('secret.proxyWithLogin', { where, origin: url.origin }));
  }
  if (credentialsFile === undefined) return proxy;
  const pair = readSecret('', credentialsFile, t('secret.proxyCredentials'));
  const colon = pair?.indexOf(':') ?? -1;
  if (pair === undefined || colon < 1) {
    throw new PiSenderError('ERR_CONFIG', t('secret.proxyFileFormat', { file: credentialsFile }));
  }
  registerSecret(pair.slice(colon + 1));
  url.username = encodeURIComponent(pair.slice(0, colon));
  url.password = encodeURIComponent(pair.slice(colon + 1));
  return url.toString();
}
