/**
 * `pi-sender show PROTOCOLO`: every package of a process, with its answer, its problems and the
 * Documento XML as built for the last attempt.
 */

import type { Command } from 'commander';
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
  addStoreOptions(program.command('show').argument('<protocolo>', 'the Protocolo, formatted or not'))
    .option('--json', 'print JSON')
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
        process.stderr.write(`no package for Protocolo ${number} in ${ctx.file}\n`);
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
          `package ${r.id}: ${r.state}, ${r.attempts} attempts, created ${when(r.created_at, ctx.timeZone)}, sent ${when(r.sent_at, ctx.timeZone)}, changed ${when(r.state_at, ctx.timeZone)}`,
        );
        if (r.code || r.message)
          out.push(
            `  answer: ${[r.code, r.message].filter(Boolean).join(' - ')}${r.origin ? ` (${r.origin === 'pi' ? 'from the PI' : r.origin === 'validation' ? 'pi-sender validation, not sent' : 'service failure'})` : ''}`,
          );
        for (const a of r.history)
          out.push(
            `  attempt ${when(a.at, ctx.timeZone)}: ${a.outcome}${a.code ? ` ${a.code}` : ''}${a.message ? ` - ${a.message}` : ''}${a.protocolo && a.protocolo !== r.protocolo ? ` (sent as Protocolo ${a.protocolo})` : ''}`,
          );
        if (r.problems)
          for (const p of JSON.parse(r.problems) as Problem[]) out.push(`  ${p.code}${p.severity === 'warning' ? ' [warning]' : ''} ${p.message}`);
        if (r.xml) out.push((await pretty(r.xml)).replace(/^/gm, '  '));
        else out.push('  (not built yet: the next export builds and sends it)');
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
