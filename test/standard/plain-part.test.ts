import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/simulator/server.js';
import type { DocumentoDraft } from '../../src/standard/model.js';
import { readPlainPart } from '../../src/standard/plain-part.js';
import { ListaReader, type DocumentoRecord } from '../../src/standard/reader.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';

/** What the reader makes of the same part, after the root's start tag, as validate-parallel.ts reads it. */
function byReader(bytes: Buffer, maxDocumentoLength?: number): { records: DocumentoRecord[]; line: number } | undefined {
  const reader = new ListaReader(maxDocumentoLength === undefined ? {} : { maxDocumentoLength }, true);
  const events = [...reader.push(Buffer.from('<ListaDocumentos>')), ...reader.push(bytes)];
  const end = reader.endPart(false);
  events.push(...end.events);
  return end.pristine ? { records: events.filter((e): e is DocumentoRecord => e.kind === 'documento'), line: end.line } : undefined;
}

/** The plain reader either says nothing or says exactly what the reader says. */
function expectAgrees(text: string | Buffer, maxDocumentoLength = 8 * 1024 * 1024): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const plain = readPlainPart(bytes, maxDocumentoLength);
  if (plain === undefined) return false;
  expect(plain).toEqual(byReader(bytes, maxDocumentoLength));
  return true;
}

const pretty = (d: DocumentoDraft) => `\n  ${documentoXml(d, { indent: true }, 1)}`;

describe('readPlainPart', () => {
  it('reads plain Documentos as the reader does: drafts, every line, the XML as written', () => {
    const variants: DocumentoDraft[] = [
      validDocumento(),
      validDocumento({ Protocolo: nup(2), Assunto: 'Tom & Jerry <b> "x" \'y\' \u{1F600} é', IdentificacaoDocumento: 'Ofício 12' }),
      { Protocolo: nup(3), DataHoraProducao: '2025-03-10T00:00:00-03:00', Especie: '', Assunto: 'a' },
      { ...validDocumento({ Protocolo: nup(4) }), ListaInteressados: { Interessado: [] }, ListaProtocolosRelacionados: { ProtocoloRelacionado: [] } },
      { ...validDocumento({ Protocolo: nup(5) }), ListaInteressados: { Interessado: [{}] } },
      { ...validDocumento({ Protocolo: nup(6) }), Historico: { ItemHistorico: [{ Operacao: 'só a operação' }, {}] } },
    ];
    for (const d of variants) expect(expectAgrees(pretty(d)), JSON.stringify(d)).toBe(true);
    expect(expectAgrees(variants.map(pretty).join(''))).toBe(true);
    expect(expectAgrees(variants.map((d) => documentoXml(d)).join(''))).toBe(true); // one line
    expect(expectAgrees(pretty(validDocumento()).replace('Pedido de', 'Pedido &#233;&#xE9;&amp;&#10;&#13;de\nmais'))).toBe(true);
    // Only a part that ends right after a Documento, as every cut does.
    expect(readPlainPart(Buffer.from(''), 1e6)).toBeUndefined();
    expect(readPlainPart(Buffer.from(`${pretty(validDocumento())}\n`), 1e6)).toBeUndefined();
  });

  it.each([
    ['a comment', (t: string) => t.replace('<Especie>', '<!-- c --><Especie>')],
    ['CDATA', (t: string) => t.replace('Processo', '<![CDATA[Processo]]>')],
    ['a processing instruction', (t: string) => t.replace('<Especie>', '<?pi x?><Especie>')],
    ['a CR', (t: string) => t.replaceAll('\n', '\r\n')],
    ['a control character', (t: string) => t.replace('Processo', 'Pro\u0001cesso')],
    [']]> in text', (t: string) => t.replace('Processo', 'Pro]]>cesso')],
    ['a bare ampersand', (t: string) => t.replace('Processo', 'Pro & cesso')],
    ['a reference to a character XML does not allow', (t: string) => t.replace('Processo', 'Pro&#1;cesso')],
    ['a reference with too many digits', (t: string) => t.replace('Processo', 'Pro&#00000065;cesso')],
    ['an unknown entity', (t: string) => t.replace('Processo', 'Pro&eacute;cesso')],
    ['an attribute', (t: string) => t.replace('<Especie>', '<Especie lang="pt">')],
    ['white space in a tag', (t: string) => t.replace('</Especie>', '</Especie >')],
    ['a self-closing element', (t: string) => t.replace('<Especie>Processo</Especie>', '<Especie/>')],
    ['an unknown element', (t: string) => t.replace('<Especie>', '<Nota>x</Nota><Especie>')],
    ['a repeated element', (t: string) => t.replace('<Especie>Processo</Especie>', '<Especie>Processo</Especie><Especie>B</Especie>')],
    ['elements out of order', (t: string) => t.replace(/(<Especie>Processo<\/Especie>)(\s*)(<Assunto>[^<]*<\/Assunto>)/, '$3$2$1')],
    ['text between elements', (t: string) => t.replace('<Especie>', 'x<Especie>')],
    ['mixed content', (t: string) => t.replace('Processo', 'Pro<b>c</b>esso')],
    ['a mismatched end tag', (t: string) => t.replace('</Especie>', '</Assunto>')],
    ['a non-breaking space between elements', (t: string) => t.replace('<Especie>', '\u00a0<Especie>')],
    ['a namespace prefix', (t: string) => t.replace('<Especie>Processo</Especie>', '<x:Especie>Processo</x:Especie>')],
    ['a truncated Documento', (t: string) => t.slice(0, t.length - 40)],
    ['two NomeInteressado', (t: string) => t.replace('</NomeInteressado>', '</NomeInteressado><NomeInteressado>B</NomeInteressado>')],
  ])('leaves %s to the reader', (_name, edit) => {
    const text = pretty(validDocumento());
    expect(readPlainPart(Buffer.from(edit(text)), 8 * 1024 * 1024)).toBeUndefined();
  });

  it('leaves invalid UTF-8 and a Documento over the size limit to the reader', () => {
    const bytes = Buffer.from(pretty(validDocumento()));
    expect(readPlainPart(bytes, 200)).toBeUndefined();
    expect(byReader(bytes, 200)).toBeUndefined(); // the reader, reading it whole, calls it not pristine
    bytes[bytes.indexOf('Processo')] = 0xff;
    expect(readPlainPart(bytes, 8 * 1024 * 1024)).toBeUndefined();
    // An encoded surrogate (ED A0 80) is not UTF-8 either.
    const [before, after] = pretty(validDocumento()).split('Processo');
    expect(readPlainPart(Buffer.concat([Buffer.from(`${before}Pro`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(`cesso${after}`)]), 1e6)).toBeUndefined();
  });

  it('3,000 random edits: whatever it reads, it reads as the reader does', () => {
    const random = seededRandom(4242);
    const base = [validDocumento(), validDocumento({ Protocolo: nup(9), Assunto: 'A &amp; B' })].map(pretty).join('');
    const pieces = ['<', '>', '/', '&', '&amp;', '&#65;', ';', '\n', ' ', '\t', 'x', '<Especie>', '</Especie>', '<Documento>', '</Documento>', '"', '\u00e9'];
    let read = 0;
    for (let n = 0; n < 3000; n++) {
      let text = base;
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        text = random() < 0.6 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
      }
      if (expectAgrees(text)) read++;
    }
    // Edits inside text (a letter, a reference, a line break) keep the part plain: the comparison was made.
    expect(read).toBeGreaterThan(300);
  });
});
