/**
 * `pi-sender show PROTOCOLO`: every package of a process, with its answer, its problems and the
 * Documento XML as built for the last attempt.
 */

import type { Command } from 'commander';
import { t } from '../i18n/translate.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import type { Problem } from '../standard/problems.js';
import { readListaDocumentos } from '../standard/reader.js';
import { documentoXml } from '../standard/writer.js';
import { addStoreOptions, storeContext, when, type StoreFlags } from './config-file.js';
import { EXIT } from './exit-codes.js';

/** The stored one-line XML, indented for reading. */
async function pretty(xml: string): Promise<string> {
  for await (const ev of readListaDocumentos(Buffer.from(`<ListaDocumentos>${xml}</ListaDocumentos>`))) {
    if (ev.kind === 'documento') return documentoXml(ev.documento, { indent: true });
  }
  return xml;
}

export function registerShow(program: Command): void {
  addStoreOptions(program.command('show').argument('<protocolo>', t('show.argProtocolo')))
    .option('--json', t('opt.json'))
    .action(async (protocolo: string, flags: StoreFlags & { json?: boolean }) => {
      const ctx = storeContext(flags);
      const number = normalizeProtocolo(protocolo);
      const store = ctx.open();
      let rows;
      try {
        rows = store.packagesOf(number).map((r) => ({ ...r, history: store.attemptsOf(r.id) }));
      } finally {
        store.close();
      }
      if (rows.length === 0) {
        process.stderr.write(`${t('show.none', { protocolo: number, file: ctx.file })}\n`);
        process.exitCode = EXIT.INVALID;
        return;
      }
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, problems: r.problems ? (JSON.parse(r.problems) as Problem[]) : null })))}\n`);
        return;
      }
      const out: string[] = [];
      for (const r of rows) {
        out.push(
          t('show.package', {
            id: String(r.id),
            state: r.state,
            attempts: r.attempts,
            created: when(r.created_at, ctx.timeZone),
            sent: when(r.sent_at, ctx.timeZone),
            changed: when(r.state_at, ctx.timeZone),
          }),
        );
        if (r.code || r.message) {
          const origin = r.origin === 'pi' ? t('show.fromPi') : r.origin === 'validation' ? t('show.fromValidation') : t('show.fromService');
          out.push(t('show.answer', { answer: [r.code, r.message].filter(Boolean).join(' - ') }) + (r.origin ? ` (${origin})` : ''));
        }
        for (const a of r.history)
          out.push(
            t('show.attempt', { when: when(a.at, ctx.timeZone), outcome: a.outcome }) +
              (a.code ? ` ${a.code}` : '') +
              (a.message ? ` - ${a.message}` : '') +
              (a.protocolo && a.protocolo !== r.protocolo ? t('show.sentAs', { protocolo: a.protocolo }) : ''),
          );
        if (r.problems)
          for (const p of JSON.parse(r.problems) as Problem[])
            out.push(`  ${p.code}${p.severity === 'warning' ? ` [${t('common.warningTag')}]` : ''} ${p.message}`);
        if (r.xml) out.push((await pretty(r.xml)).replace(/^/gm, '  '));
        else out.push(t('show.notBuilt'));
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
