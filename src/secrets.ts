/**
 * Secrets come from the environment or from a file, never from a flag (flags end up in shell history
 * and in `ps`).
 */

import { readFileSync } from 'node:fs';
import { PiSenderError } from './errors.js';

/** Reads a secret from `file` (first line, no trailing newline) or from the environment variable. */
export function readSecret(envName: string, file: string | undefined, what: string): string | undefined {
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new PiSenderError('ERR_CONFIG', `cannot read the ${what} file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const v = process.env[envName];
  return v === undefined || v === '' ? undefined : v;
}
