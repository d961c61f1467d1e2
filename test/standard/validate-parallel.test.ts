import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/simulator/server.js';
import { ListaReaders } from '../../src/standard/lista-readers.js';
import type { Profile } from '../../src/standard/model.js';
import { findCut, listHead, validateListaInParallel, type ListaVerdict, type ParallelValidateOptions } from '../../src/standard/validate-parallel.js';
import { validateLista, type ValidateListaOptions } from '../../src/standard/validate-stream.js';
import { listaDocumentosXml } from '../../src/standard/writer.js';
import { XsdPool } from '../../src/standard/xsd-pool.js';
import { nup, validDocumento } from '../helpers/documentos.js';

const readers = new ListaReaders(2);
const xsd = new XsdPool();
afterAll(() => Promise.all([readers.close(), xsd.close()]));

/** The bytes, as a list that can be opened again. */
const opener = (bytes: Buffer) =>
  async function* (chunkSize: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  };

/** What one reader on this thread says of the list, as verdicts. */
async function sequential(bytes: Buffer, options: ValidateListaOptions): Promise<ListaVerdict[]> {
  const out: ListaVerdict[] = [];
  for await (const ev of validateLista(bytes, { ...options, xsd })) {
    if (ev.kind === 'problem') {
      out.push(ev);
      continue;
    }
    const { record } = ev;
    const v: ListaVerdict = {
      kind: 'documento',
      index: record.index,
      line: record.line,
      protocolo: record.documento.Protocolo,
      sentProtocolo: ev.documento.Protocolo,
      protocoloLine: record.lines.get('Protocolo') ?? record.line,
      problems: ev.problems,
    };
    if (ev.xml !== undefined) v.xml = ev.xml;
    out.push(v);
  }
  return out;
}

/** The parallel verdicts; a worker's XML comes as its UTF-8 bytes, compared here as the text they hold. */
async function parallel(bytes: Buffer, options: Omit<ParallelValidateOptions, 'source' | 'readers'>): Promise<ListaVerdict[]> {
  const out: ListaVerdict[] = [];
  for await (const v of validateListaInParallel({ ...options, xsd, source: opener(bytes), readers })) {
    if (v.kind === 'documento' && v.xml instanceof Uint8Array) v.xml = new TextDecoder('utf-8', { fatal: true }).decode(v.xml);
    out.push(v);
  }
  return out;
}

const AS_SENT = { normalize: {}, reportChanges: true };

/** Both ways, both profiles, as written and as sent, a part per Documento: the same verdicts. */
async function expectSame(bytes: Buffer, read: ValidateListaOptions['read'] = {}): Promise<ListaVerdict[]> {
  let last: ListaVerdict[] = [];
  for (const profile of ['strict', 'lenient'] as Profile[]) {
    for (const mode of [{}, AS_SENT]) {
      const options = { profile, read, ...mode };
      const theirs = await sequential(bytes, options);
      const ours = await parallel(bytes, { ...options, partSize: 1 });
      expect(ours).toEqual(theirs);
      last = ours;
    }
  }
  return last;
}

const docs = (n: number, first = 1) => Array.from({ length: n }, (_, i) => validDocumento({ Protocolo: nup(first + i) }));
/** A pretty-printed list of `n` valid Documentos, with a declaration. */
const list = (n = 12) => `<?xml version="1.0" encoding="UTF-8"?>\n${listaDocumentosXml(docs(n), { indent: true })}\n`;
/** The list with `edit` applied to the text between Documento `k` and the next one's end. */
function edited(k: number, edit: (documento: string) => string, text = list()): string {
  const parts = text.split('</Documento>');
  parts[k] = edit(parts[k]!);
  return parts.join('</Documento>');
}
const delta = () => ({ ...readers.parts });
const since = (before: { pristine: number; notPristine: number }) => ({
  pristine: readers.parts.pristine - before.pristine,
  notPristine: readers.parts.notPristine - before.notPristine,
});

describe('validateListaInParallel', () => {
  it('reads a clean list in parts, a part per Documento, with the lines, indexes and verdicts of one reader', async () => {
    const before = delta();
    const ours = await expectSame(Buffer.from(list()));
    expect(ours).toHaveLength(12);
    expect(ours.map((v) => v.kind === 'documento' && v.index)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // 4 ways of judging, 13 parts each (a Documento each, then the root's end): none read again.
    expect(since(before)).toEqual({ pristine: 52, notPristine: 0 });
  });

  it('leaves the XML out of the verdicts when asked, in parts and when the list is read again, and nothing else', async () => {
    const text = list();
    const broken = edited(7, (d) => d.replace('Pedido de', 'Pedido & de'), text); // read again from Documento 7
    for (const bytes of [Buffer.from(text), Buffer.from(broken)]) {
      const withXml = await parallel(bytes, { ...AS_SENT, partSize: 1 });
      const without = await parallel(bytes, { ...AS_SENT, partSize: 1, xml: false });
      expect(withXml.filter((v) => v.kind === 'documento' && v.xml !== undefined)).toHaveLength(text === bytes.toString() ? 12 : 11);
      expect(without.some((v) => v.kind === 'documento' && 'xml' in v)).toBe(false);
      expect(without).toEqual(withXml.map((v) => (v.kind === 'documento' ? (({ xml: _, ...rest }) => rest)(v) : v)));
    }
  });

  it('finds a Protocolo repeated in another part, at the line one reader gives', async () => {
    const text = listaDocumentosXml([...docs(5), validDocumento({ Protocolo: nup(2) }), ...docs(3, 6)], { indent: true });
    const before = delta();
    const ours = await expectSame(Buffer.from(text));
    const dup = ours.flatMap((v) => (v.kind === 'documento' ? v.problems.filter((p) => p.code === 'PROTOCOLO_DUPLICATE').map((p) => [v.index, p.line]) : []));
    expect(dup.map(([index]) => index)).toEqual([6]);
    expect(since(before).notPristine).toBe(0);
  });

  it.each([
    ['a bare ampersand', (d: string) => d.replace('Pedido de', 'Pedido & de')],
    ['an end tag inside a comment', (d: string) => `${d}<!-- </Documento> -->`],
    ['an end tag inside CDATA', (d: string) => d.replace('Pedido de', '<![CDATA[ </Documento> ]]>')],
    ['an end tag inside an attribute value', (d: string) => d.replace('<Documento>', '<Documento a="</Documento>">')],
    ['an end tag inside a processing instruction', (d: string) => d.replace('<Documento>', '<?pi </Documento> ?><Documento>')],
    ['text between Documentos', (d: string) => `${d}</Documento>stray text<Documento><Protocolo>${nup(90)}</Protocolo>`],
    ['an element of the list that is no Documento', (d: string) => d.replace('<Documento>', '<Outro><Documento/></Outro><Documento>')],
    ['an element not closed', (d: string) => d.replace('<Especie>Processo</Especie>', '<Especie>Processo</Especie><Aberto>')],
    [
      'an unknown and a repeated element',
      (d: string) => d.replace('<Especie>Processo</Especie>', '<Especie>Processo</Especie><Especie>B</Especie><Nota>x</Nota>'),
    ],
    ['elements out of order', (d: string) => d.replace(/(<Especie>Processo<\/Especie>)(\s*)(<Assunto>[^<]*<\/Assunto>)/, '$3$2$1')],
    ['a character reference XML does not allow', (d: string) => d.replace('Pedido de', 'Pedido &#1; de')],
    ['a self-closing Documento', (d: string) => `${d}</Documento><Documento/><Documento>`],
    ['white space before the end tag', (d: string) => `${d}</Documento  ><Documento>`],
    ['a Documento with 70 attributes', (d: string) => d.replace('<Documento>', `<Documento ${Array.from({ length: 70 }, (_, i) => `a${i}="v"`).join(' ')}>`)],
    ['a mixed-content leaf', (d: string) => d.replace('Pedido de', 'Pedido <b>de</b>')],
  ])('%s in the middle: the same as one reader', async (_name, edit) => {
    await expectSame(Buffer.from(edited(6, edit)));
  });

  it.each([
    ['the end of the root missing', list().replace('</ListaDocumentos>', '')],
    ['content after the root', `${list()}<Outra/>`],
    ['the file cut inside a Documento', list().slice(0, list().length - 300)],
    ['the file cut right after a Documento', list().slice(0, list().lastIndexOf('</Documento>') + '</Documento>'.length)],
    ['a DOCTYPE', list().replace('<ListaDocumentos>', '<!DOCTYPE ListaDocumentos [<!ENTITY e "x">]>\n<ListaDocumentos>')],
    ['another root', list().replaceAll('ListaDocumentos', 'Lista')],
    ['a root in a namespace', list().replace('<ListaDocumentos>', '<ListaDocumentos xmlns="urn:x">')],
    ['a root start tag over three lines', list().replace('<ListaDocumentos>', '<ListaDocumentos\n  xmlns:x="urn:x"\r\n  xmlns:y="urn:y">')],
    ['CRLF line ends', list().replaceAll('\n', '\r\n')],
    ['a byte order mark', `\ufeff${list()}`],
    ['one line', list().replace(/\n\s*/g, '')],
    ['comments and PIs before the root', list().replace('<ListaDocumentos>', '<!-- a -->\n<?pi x?>\n<ListaDocumentos>')],
    ['no Documento', '<ListaDocumentos>\n</ListaDocumentos>\n'],
  ])('%s: the same as one reader', async (_name, text) => {
    await expectSame(Buffer.from(text, 'utf8'));
  });

  it('invalid UTF-8, a declared Latin-1 list and the repair of Latin-1 bytes: the same as one reader', async () => {
    const text = Buffer.from(edited(6, (d) => d.replace('Pedido de', 'Pedido XX de')));
    text[text.indexOf('XX')] = 0xe9;
    await expectSame(text);
    await expectSame(text, { repairLatin1: true });
    const latin1 = Buffer.from(list().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    await expectSame(latin1);
  });

  it('a Documento beyond the size limit, and the error limit reached in a later part: the same as one reader', async () => {
    await expectSame(Buffer.from(list()), { maxDocumentoLength: 1500 });
    const broken = list().replaceAll('<Especie>Processo</Especie>', '<Especie>Processo</Especie><Aberto>');
    await expectSame(Buffer.from(broken), { maxErrors: 3 });
  });

  it('the real samples, valid and invalid: the same as one reader', async () => {
    const files = [
      ...readdirSync('samples')
        .filter((f) => f.endsWith('.xml'))
        .map((f) => `samples/${f}`),
      ...readdirSync('samples/invalid').map((f) => `samples/invalid/${f}`),
    ];
    for (const file of files) await expectSame(readFileSync(file));
  });

  it('300 random edits of markup characters: the same as one reader', async () => {
    const random = seededRandom(20261202);
    const base = list(6);
    const pieces = ['<', '>', '&', '</Documento>', '<!--', '-->', '<![CDATA[', ']]>', '"', '\n', '<Documento>', '&amp;', '\u0001', '</ListaDocumentos>'];
    for (let n = 0; n < 300; n++) {
      let text = base;
      for (let e = 0; e < 1 + Math.floor(random() * 3); e++) {
        const at = Math.floor(random() * text.length);
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        text = random() < 0.8 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
      }
      const bytes = Buffer.from(text);
      const options = { profile: 'strict' as const, ...AS_SENT };
      expect(await parallel(bytes, { ...options, partSize: 1 }), `edit ${n}`).toEqual(await sequential(bytes, options));
    }
  });

  it('reads a large list in parts of the size asked, from a file', async () => {
    const text = list(600);
    const before = delta();
    const out = await parallel(Buffer.from(text), { partSize: 64 * 1024, ...AS_SENT });
    expect(out).toEqual(await sequential(Buffer.from(text), AS_SENT));
    const parts = since(before);
    expect(parts.notPristine).toBe(0);
    expect(parts.pristine).toBeGreaterThanOrEqual(Math.floor(Buffer.byteLength(text) / (64 * 1024)));
    // A path is read with the same result.
    const fromFile: ListaVerdict[] = [];
    for await (const v of validateListaInParallel({ source: 'samples/lista-documentos.xml', readers, xsd })) fromFile.push(v);
    expect(fromFile).toEqual(await sequential(readFileSync('samples/lista-documentos.xml'), {}));
  });

  it.runIf(process.platform === 'linux')('runs its readers at a lower priority than the main thread (nice 10)', async () => {
    await parallel(Buffer.from(list()), { partSize: 1 }); // both readers started
    const nice = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    expect(nice.filter((n) => n === 10).length).toBeGreaterThanOrEqual(2);
    expect(Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16])).toBe(0); // the main thread keeps its own
  });

  it('a missing file is ERR_FILE_READ naming it, by its label when given', async () => {
    const run = async (label?: string) => {
      for await (const _ of validateListaInParallel({ source: 'no/such/lista.xml', readers, ...(label ? { fileLabel: label } : {}) })) void _;
    };
    await expect(run()).rejects.toMatchObject({ code: 'ERR_FILE_READ', context: { file: 'no/such/lista.xml' } });
    await expect(run('lista.xml')).rejects.toMatchObject({ code: 'ERR_FILE_READ', context: { file: 'lista.xml' } });
  });

  it('reads a file into buffers the readers give back, counting its bytes; a small file is read on this thread, also counted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-parallel-'));
    const file = path.join(dir, 'lista.xml');
    const text = list(600);
    writeFileSync(file, text);
    const counts: number[] = [];
    const before = delta();
    const out: ListaVerdict[] = [];
    for await (const v of validateListaInParallel({ source: file, readers, xsd, partSize: 64 * 1024, onRead: (n) => counts.push(n) })) out.push(v);
    expect(out).toEqual(await sequential(Buffer.from(text), {}));
    expect(since(before).pristine).toBeGreaterThanOrEqual(Math.floor(Buffer.byteLength(text) / (64 * 1024)));
    expect(counts.at(-1)).toBe(Buffer.byteLength(text));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // The parts' buffers came back: the next one asked for is one of them (a new one is all zeros).
    const again = readers.buffer(128 * 1024);
    expect(again.byteLength).toBeGreaterThanOrEqual(128 * 1024);
    expect(Buffer.from(again.buffer).toString('latin1')).toContain('</Documento>');
    const small = path.join(dir, 'small.xml');
    writeFileSync(small, list(2));
    counts.length = 0;
    for await (const _ of validateListaInParallel({ source: small, readers, xsd, onRead: (n) => counts.push(n) })) void _;
    expect(counts.at(-1)).toBe(Buffer.byteLength(list(2)));
  });
});

describe('cuts and the head', () => {
  it('cuts right after an end tag of Documento only', () => {
    const b = Buffer.from('<x></DocumentoX><y></Documento \n>z</Documento>');
    expect(findCut(b, 0)).toBe(b.indexOf('z'));
    expect(findCut(b, b.indexOf('z'))).toBe(b.length);
    expect(findCut(Buffer.from('</Documento  '), 0)).toBe(-1); // its '>' has not arrived yet
  });

  it('takes the root start tag after a prolog, and refuses what one reader must judge', () => {
    expect(listHead(Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- c -->\n<ListaDocumentos a=">"\n b="2">\n<Documento>'))).toEqual({
      prefix: '<ListaDocumentos a=">"  b="2">',
      end: Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- c -->\n<ListaDocumentos a=">"\n b="2">').length,
    });
    expect(listHead(Buffer.from('<!DOCTYPE x><ListaDocumentos>'))).toBeUndefined();
    expect(listHead(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><ListaDocumentos>'))).toBeUndefined();
    expect(listHead(Buffer.from('<ListaDocumentos/>'))).toBeUndefined();
    expect(listHead(Buffer.from('\xff\xfe<\x00', 'latin1'))).toBeUndefined();
  });
});
