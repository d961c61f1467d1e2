import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isPiSenderError } from '../../src/errors.js';
import { documentoXml, escapeXmlText, listaDocumentosXml, ListaDocumentosWriter, writeListaDocumentos } from '../../src/standard/writer.js';
import { validateDocumentoXml } from '../../src/standard/xsd.js';
import { readAll, validDocumento, nup } from '../helpers/documentos.js';

describe('escaping', () => {
  it('escapes markup and keeps tabs and line breaks as references', () => {
    expect(escapeXmlText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeXmlText('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXmlText('Ação 😀')).toBe('Ação 😀');
  });

  it('refuses characters XML 1.0 cannot carry, or replaces them when asked', () => {
    expect(() => escapeXmlText('a\u0001b')).toThrow(/U\+0001/);
    try {
      escapeXmlText('\ud800');
    } catch (err) {
      expect(isPiSenderError(err, 'ERR_INVALID_CHARACTER')).toBe(true);
    }
    expect(escapeXmlText('a\u0001b\uffff\ud800', 'replace')).toBe('a\ufffdb\ufffd\ufffd');
  });
});

describe('canonical XML', () => {
  it('writes the standard order whatever the object key order, and validates', () => {
    const d = validDocumento();
    const shuffled = {
      Historico: d.Historico,
      Assunto: d.Assunto,
      Protocolo: d.Protocolo,
      ListaInteressados: d.ListaInteressados,
      Especie: d.Especie,
      DataHoraProducao: d.DataHoraProducao,
      ListaProtocolosRelacionados: d.ListaProtocolosRelacionados,
    };
    const xml = documentoXml(shuffled);
    expect(xml).toBe(documentoXml(d));
    expect(xml.indexOf('<Protocolo>')).toBeLessThan(xml.indexOf('<DataHoraProducao>'));
    expect(xml.indexOf('<Assunto>')).toBeLessThan(xml.indexOf('<ListaProtocolosRelacionados>'));
    expect(xml).not.toContain('\n');
    expect(validateDocumentoXml(xml, 'strict')).toEqual([]);
    expect(validateDocumentoXml(documentoXml(d, { indent: true }), 'strict')).toEqual([]);
  });

  it('leaves out empty lists, as the SEI module', () => {
    const d = validDocumento({ ListaInteressados: { Interessado: [] as never }, ListaProtocolosRelacionados: undefined });
    const xml = documentoXml(d);
    expect(xml).not.toContain('ListaInteressados');
    expect(xml).not.toContain('ListaProtocolosRelacionados');
    expect(xml).toContain('<UnidadeOperacao></UnidadeOperacao>');
  });

  it('round-trips: reader(writer(x)) gives x back, indented or not', async () => {
    const docs = [validDocumento(), validDocumento({ Protocolo: nup(12), Assunto: 'Tab\there, CR\r, LF\n & <tags> "quotes" \'apos\' ]]> 😀' })];
    for (const indent of [true, false]) {
      const { records, listProblems } = await readAll(listaDocumentosXml(docs, { indent }));
      expect(listProblems).toEqual([]);
      expect(records.map((r) => r.documento)).toEqual(docs);
    }
  });
});

describe('streaming writer', () => {
  it('writes a long list in constant memory, honouring back-pressure', async () => {
    let bytes = 0;
    let pauses = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        pauses++;
        setImmediate(cb);
      },
    });
    const writer = new ListaDocumentosWriter(slow);
    const d = validDocumento();
    for (let i = 0; i < 2000; i++) await writer.write({ ...d, Protocolo: nup(i + 1) });
    await writer.end();
    expect(writer.documentos).toBe(2000);
    expect(bytes).toBeGreaterThan(2000 * 500);
    expect(pauses).toBeGreaterThan(100);
  });

  it('writes a file the reader reads back, from an async iterable', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    async function* gen(): AsyncGenerator<ReturnType<typeof validDocumento>> {
      for (let i = 1; i <= 50; i++) yield validDocumento({ Protocolo: nup(i) });
    }
    const n = await writeListaDocumentos(gen(), out);
    expect(n).toBe(50);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ListaDocumentos>\n  <Documento>')).toBe(true);
    const { records } = await readAll(text);
    expect(records.map((r) => r.documento.Protocolo)).toEqual(Array.from({ length: 50 }, (_, i) => nup(i + 1)));
  });
});
