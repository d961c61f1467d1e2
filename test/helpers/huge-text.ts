import { expect } from 'vitest';
import { readListaDocumentos } from '../../src/standard/reader.js';
import { documentoXml } from '../../src/standard/writer.js';
import { validDocumento } from './documentos.js';

/**
 * Streams a Documento whose Assunto is one text node of `mib` MiB, followed by a valid Documento:
 * the first is reported XML_TOO_LARGE, the second read whole, and memory stays bounded.
 */
export async function expectHugeTextNodeSkipped(mib: number): Promise<void> {
  const valid = documentoXml(validDocumento({ Protocolo: '99991000003202551' }), { indent: true });
  const head = Buffer.from(`<ListaDocumentos>\n  <Documento>\n    <Protocolo>99991000007202530</Protocolo>\n    <Assunto>`);
  const tail = Buffer.from(`</Assunto>\n  </Documento>\n${valid}\n</ListaDocumentos>\n`);
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const base = process.memoryUsage().rss;
  let peak = base;
  async function* source(): AsyncGenerator<Uint8Array> {
    yield head;
    for (let i = 0; i < mib; i++) {
      peak = Math.max(peak, process.memoryUsage().rss);
      yield chunk;
    }
    yield tail;
  }
  const events = [];
  for await (const ev of readListaDocumentos(source(), { maxDocumentoLength: 8 * 1024 * 1024 })) events.push(ev);
  const records = events.filter((e) => e.kind === 'documento');
  expect(records).toHaveLength(2);
  expect(records[0]!.problems.map((p) => [p.code, p.line])).toEqual([['XML_TOO_LARGE', 2]]);
  expect(records[0]!.xml).toBeUndefined();
  expect(records[1]!.problems).toEqual([]);
  expect(records[1]!.xml).toBe(valid);
  // Held whole, the node would take twice its size in memory (UTF-16): growth stays under its size.
  expect(peak - base).toBeLessThan(Math.min(256, mib) * 1024 * 1024);
}
