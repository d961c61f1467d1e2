/**
 * saxes, the XML parser of the reader and of the schema compiler, loaded with `require`. It is
 * CommonJS: imported as ESM, Node scans its 74 KB for named exports in every thread that loads it,
 * which cost each list reader about 35 ms of CPU at start (70 against 32 ms for a worker that loads
 * it, measured side by side); `validate` and `send` start three such threads.
 */

import { createRequire } from 'node:module';
import type * as saxes from 'saxes';

export type { SaxesTagPlain } from 'saxes';

export const { SaxesParser } = createRequire(import.meta.url)('saxes') as typeof saxes;
