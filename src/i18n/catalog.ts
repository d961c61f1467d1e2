/**
 * The message catalog: every text pi-sender shows people, in English and Brazilian Portuguese side
 * by side, so that a key cannot exist in one language only (the type checker refuses it; the
 * catalog's test also checks that both texts have the same placeholders). Split by area under
 * catalog/; keys are `area.name`.
 */

import { COMMON } from './catalog/common.js';
import { CONSOLE } from './catalog/console.js';
import { REPORT } from './catalog/report.js';
import { TEMPLATE } from './catalog/template.js';
import { SIAFI } from './catalog/siafi.js';
import { RUNTIME } from './catalog/runtime.js';
import { TRANSPORT } from './catalog/transport.js';
import { PROBLEMS } from './catalog/problems.js';
import { CONFIG } from './catalog/config.js';
import { ALERTS } from './catalog/alerts.js';
import { SIAFI_COMMANDS } from './catalog/siafi-commands.js';
import { EXPORT_COMMANDS } from './catalog/export-commands.js';
import { PROGRAM } from './catalog/program.js';
import { SIMULATOR_COMMANDS } from './catalog/simulator-commands.js';
import { STORE_COMMANDS } from './catalog/store-commands.js';
import { UPLOAD_COMMANDS } from './catalog/upload-commands.js';

export type Entry = { readonly en: string; readonly 'pt-BR': string };

export const CATALOG = {
  ...COMMON,
  ...CONSOLE,
  ...REPORT,
  ...TEMPLATE,
  ...SIAFI,
  ...RUNTIME,
  ...TRANSPORT,
  ...PROBLEMS,
  ...CONFIG,
  ...ALERTS,
  ...SIAFI_COMMANDS,
  ...PROGRAM,
  ...STORE_COMMANDS,
  ...UPLOAD_COMMANDS,
  ...EXPORT_COMMANDS,
  ...SIMULATOR_COMMANDS,
} as const satisfies Record<string, Entry>;
