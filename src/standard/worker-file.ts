/** Where a worker thread's script is: tests run from src/ against the build that `npm test` makes first. */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';

/** The compiled script `name` (e.g. `xsd-worker.js`) of this folder; ERR_INTERNAL when it was not built. */
export function workerFile(name: string): string {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const file = here.endsWith('.ts') ? path.resolve(dir, '..', '..', 'dist', 'standard', name) : path.join(dir, name);
  if (!existsSync(file)) throw new PiSenderError('ERR_INTERNAL', t('xsd.workerNotBuilt', { file }));
  return file;
}
