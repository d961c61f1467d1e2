/**
 * `pi-sender validate FILE...`: checks ListaDocumentos files against the data standard (XSD per
 * Documento, plus the rules) and keeps going after errors.
 */

import type { Command } from 'commander';
import { Option } from 'commander';
import { isPiSenderError, PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { isValidTimeZone } from '../standard/datetime.js';
import { PROFILES, type Profile } from '../standard/model.js';
import { hasErrors } from '../standard/problems.js';
import { ListaReaders } from '../standard/lista-readers.js';
import { validateListaInParallel } from '../standard/validate-parallel.js';
import { XsdPool } from '../standard/xsd-pool.js';
import { EXIT, exitCodesHelp, type ExitCode } from './exit-codes.js';
import { formatProblem, problemJson, type ProblemContext } from './output.js';

interface ValidateFlags {
  profile: Profile;
  json?: boolean;
  quiet?: boolean;
  asWritten?: boolean;
  timeZone?: string;
}

interface Tally {
  documentos: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
}

const emptyTally = (): Tally => ({ documentos: 0, valid: 0, invalid: 0, errors: 0, warnings: 0 });

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .argument('<file...>', t('validate.argFiles'))
    .addOption(new Option('--profile <profile>', t('validate.optProfile')).choices(PROFILES).default('strict'))
    .option('--json', t('validate.optJson'))
    .option('-q, --quiet', t('validate.optQuiet'))
    .option('--as-written', t('validate.optAsWritten'))
    .option('--time-zone <zone>', t('validate.optTimeZone'))
    .addHelpText('after', `${t('validate.helpAfter')}\n${exitCodesHelp('validate', [0, 1, 2, 4])}`)
    .action(async (files: string[], flags: ValidateFlags) => {
      process.exitCode = await validateFiles(files, flags);
    });
}

export async function validateFiles(files: string[], flags: ValidateFlags): Promise<ExitCode> {
  if (flags.timeZone !== undefined && !isValidTimeZone(flags.timeZone)) {
    throw new PiSenderError('ERR_USAGE', t('opt.unknownZone', { zone: flags.timeZone }));
  }
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const total = emptyTally();
  let unreadable = 0;
  let fileErrors = 0;
  const xsd = new XsdPool();
  const readers = new ListaReaders();
  try {
    for (const file of files) {
      const tally = emptyTally();
      const print = (p: Parameters<typeof formatProblem>[0], ctx: ProblemContext): void => {
        if (p.severity === 'warning') {
          tally.warnings++;
          if (flags.quiet) return;
        } else tally.errors++;
        out(flags.json ? problemJson(p, ctx) : formatProblem(p, ctx));
      };
      try {
        const asSent = flags.asWritten ? {} : { normalize: flags.timeZone ? { timeZone: flags.timeZone } : {}, reportChanges: true };
        for await (const event of validateListaInParallel({ source: file, readers, profile: flags.profile, xsd, xml: false, ...asSent })) {
          if (event.kind === 'problem') {
            if (event.problem.severity === 'error') fileErrors++;
            print(event.problem, { file });
            continue;
          }
          tally.documentos++;
          if (hasErrors(event.problems)) tally.invalid++;
          else tally.valid++;
          const ctx: ProblemContext = { file, documento: event.index };
          const protocolo = event.protocolo?.trim();
          if (protocolo) ctx.protocolo = protocolo;
          for (const p of event.problems) print(p, ctx);
        }
      } catch (err) {
        if (!isPiSenderError(err, 'ERR_FILE_READ')) throw err;
        unreadable++;
        if (flags.json) out(JSON.stringify({ type: 'error', file, code: err.code, message: err.message }));
        else process.stderr.write(`${file}: ${err.message}\n`);
        continue;
      }
      for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += tally[k];
      if (!flags.json) out(`${file}: ${summaryText(tally)}`);
    }
  } finally {
    await Promise.all([xsd.close(), readers.close()]);
  }
  if (flags.json) {
    out(JSON.stringify({ type: 'summary', files: files.length, unreadable, ...total }));
  } else if (files.length > 1) {
    out(`${t('validate.total', { files: files.length })}${unreadable ? t('validate.unreadable', { count: unreadable }) : ''}, ${summaryText(total)}`);
  }
  if (unreadable > 0) return EXIT.USAGE;
  return total.errors > 0 || fileErrors > 0 ? EXIT.INVALID : EXIT.OK;
}

function summaryText(tally: Tally): string {
  return t('validate.summary', { ...tally });
}
