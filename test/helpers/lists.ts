import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { DocumentoDraft } from '../../src/standard/model.js';
import { documentoXml, XML_DECLARATION } from '../../src/standard/writer.js';
import { nup, validDocumento } from './documentos.js';

/** The i-th Documento of a generated list (1-based), valid unless `broken(i)` says otherwise. */
export function generatedDocumento(i: number): DocumentoDraft {
  return validDocumento({ Protocolo: nup(i), Assunto: `Processo gerado nº ${i}` });
}

/** Writes a list of `count` Documentos; `transform` may break some. Returns the path. */
export async function writeLista(file: string, count: number, transform: (d: DocumentoDraft, i: number) => DocumentoDraft = (d) => d): Promise<string> {
  const out = createWriteStream(file);
  out.write(`${XML_DECLARATION}\n<ListaDocumentos>\n`);
  for (let i = 1; i <= count; i++) {
    if (!out.write(`  ${documentoXml(transform(generatedDocumento(i), i), { indent: true }, 1)}\n`)) await once(out, 'drain');
  }
  out.end('</ListaDocumentos>\n');
  await once(out, 'finish');
  return file;
}

export function writeListaSync(file: string, docs: DocumentoDraft[]): string {
  writeFileSync(
    file,
    `${XML_DECLARATION}\n<ListaDocumentos>\n${docs.map((d) => `  ${documentoXml(d, { indent: true }, 1)}`).join('\n')}\n</ListaDocumentos>\n`,
  );
  return file;
}
