import { describe, expect, it } from 'vitest';
import { receiveMessageOnPort } from 'node:worker_threads';
import { movedWith, packVerdicts, partError, unpackVerdicts, validatePart, type PartJob, type PartVerdicts } from '../../src/standard/lista-part.js';
import { listaDocumentosXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';

// validatePart runs in the readers' worker threads; here it runs in this one, so each branch is seen.
const docs = (n: number) => Array.from({ length: n }, (_, i) => validDocumento({ Protocolo: nup(i + 1) }));
const body = (text: string) => text.replace(/^<ListaDocumentos>/, '').replace(/\s*<\/ListaDocumentos>$/, '');
const job = (text: string, over: Partial<PartJob> = {}): PartJob => ({
  id: 7,
  prefix: '<ListaDocumentos>',
  bytes: Buffer.from(text),
  final: false,
  settings: { normalize: {}, reportChanges: true },
  ...over,
});

describe('validatePart', () => {
  const middle = body(listaDocumentosXml(docs(3), { indent: true }));

  it('a plain middle part: its verdicts, numbered and lined from the part', () => {
    const r = validatePart(job(middle));
    expect(r).toMatchObject({ id: 7, pristine: true, line: 1 + (middle.match(/\n/g)?.length ?? 0) });
    if (!('documentos' in r)) throw new Error('no verdicts');
    expect(r.documentos.map((d) => [d.index, d.sentProtocolo])).toEqual([
      [1, nup(1)],
      [2, nup(2)],
      [3, nup(3)],
    ]);
    const lines = middle.split('\n');
    expect(r.documentos.map((d) => lines[d.line - 1]!.trim())).toEqual(['<Documento>', '<Documento>', '<Documento>']);
    expect(r.documentos.every((d) => typeof d.xml === 'string' && d.xml.startsWith('<Documento>'))).toBe(true);
  });

  it('the same part with a comment goes to the reader, with the same verdicts', () => {
    const plain = validatePart(job(middle));
    const commented = validatePart(job(middle.replace('<Especie>', '<!-- c --><Especie>')));
    expect(commented).toMatchObject({ pristine: true });
    if (!('documentos' in plain) || !('documentos' in commented)) throw new Error('no verdicts');
    expect(commented.documentos.map((d) => d.problems.map((p) => p.code))).toEqual(plain.documentos.map((d) => d.problems.map((p) => p.code)));
  });

  it('a Documento the compiled schema is not sure of is judged by libxml2, in its place', () => {
    const broken = middle.replace('<Especie>Processo</Especie>', '<Especie>Processo</Especie><Especie>Outra</Especie>');
    const r = validatePart(job(broken, { settings: {} }));
    if (!('documentos' in r)) throw new Error('no verdicts');
    expect(r.documentos[0]!.problems.map((p) => p.code)).toEqual(['XSD_REPEATED_ELEMENT']);
    expect(r.documentos.slice(1).map((d) => d.problems)).toEqual([[], []]);
  });

  it('the first part (no prefix) and the last (read to the end) go to the reader', () => {
    const whole = listaDocumentosXml(docs(2), { indent: true });
    expect(validatePart(job(whole.slice(0, whole.lastIndexOf('</Documento>') + 12), { prefix: '' }))).toMatchObject({ pristine: true });
    expect(validatePart(job(`${middle}\n</ListaDocumentos>\n`, { final: true }))).toMatchObject({ pristine: true });
    expect(validatePart(job('\n</ListaDocumentos>\n', { final: true }))).toMatchObject({ pristine: true, documentos: [] });
  });

  it('a part that cannot stand for the file says so, with nothing else', () => {
    expect(validatePart(job(middle.replace('Pedido de', 'Pedido & de')))).toEqual({ id: 7, pristine: false });
    expect(validatePart(job(`${middle}<!-- </Documento> -->`))).toEqual({ id: 7, pristine: false });
    expect(validatePart(job(middle, { final: true }))).toEqual({ id: 7, pristine: false }); // no end of the root
  });

  it('verdicts cross threads packed in columns and come back as they were', () => {
    const odd = [
      validDocumento({ Protocolo: '99991.000001/2025-06' }), // normalized: the Protocolo sent differs
      validDocumento({ Especie: 'x'.repeat(51) }), // a problem
      { ...validDocumento(), Protocolo: undefined as unknown as string }, // no Protocolo at all
      validDocumento({ Assunto: 'Ação de São Paulo — 漢字 😀' }), // two, three and four bytes in UTF-8
    ];
    const r = validatePart(job(body(listaDocumentosXml([...docs(2), ...odd], { indent: true }))));
    if (!('documentos' in r)) throw new Error('no verdicts');
    expect(r.documentos.some((d) => d.sentProtocolo !== d.protocolo)).toBe(true);
    expect(r.documentos.some((d) => d.problems.length > 0)).toBe(true);
    expect(r.documentos.some((d) => d.protocolo === undefined)).toBe(true);
    r.documentos[1]!.xml = undefined; // as a Documento that could not be read has none
    delete r.documentos[1]!.xml;
    const packed = packVerdicts(r);
    expect(packed).not.toHaveProperty('documentos');
    // Each XML comes back as its UTF-8 bytes, views of the one buffer that was moved, not copied.
    const port = new MessageChannel();
    port.port1.postMessage(packed, movedWith(packed));
    expect('xml' in packed && packed.xml.byteLength).toBe(0); // detached: it went across
    const back = unpackVerdicts(receiveMessageOnPort(port.port2)!.message as ReturnType<typeof packVerdicts>);
    port.port1.close();
    if (!('documentos' in back)) throw new Error('no verdicts');
    const asText = (v: Extract<PartVerdicts, { documentos: unknown }>) =>
      v.documentos.map(({ xml, ...d }) => ({ ...d, xml: xml === undefined ? undefined : typeof xml === 'string' ? xml : Buffer.from(xml).toString('utf8') }));
    expect(back.documentos.every((d, i) => (i === 1 ? d.xml === undefined : d.xml instanceof Uint8Array))).toBe(true);
    expect(new Set(back.documentos.flatMap((d) => (d.xml instanceof Uint8Array ? [d.xml.buffer] : [])).values()).size).toBe(1);
    expect(asText(back)).toEqual(asText(r));
    expect(asText(back).at(-1)!.xml).toContain('Ação de São Paulo — 漢字 😀');
    // Answers without verdicts cross as they are.
    for (const other of [
      { id: 1, pristine: false as const },
      { id: 2, error: 'boom', code: 'ERR_XSD' as const },
    ]) {
      expect(unpackVerdicts(structuredClone(packVerdicts(other)))).toEqual(other);
    }
  });

  it("a worker's error comes back as the typed error", () => {
    expect(partError({ error: 'boom', code: 'ERR_XSD' })).toMatchObject({ code: 'ERR_XSD', message: 'boom' });
  });
});
