/**
 * Inputs that used to be damaged silently, reported without a place, or read into unbounded memory:
 * each becomes a located problem, and what send cannot carry faithfully is never sent.
 */

import { describe, expect, it } from 'vitest';
import { maskCpfsInName } from '../../src/standard/cpf.js';
import type { Problem } from '../../src/standard/problems.js';
import { readListaDocumentos } from '../../src/standard/reader.js';
import { shapeProblems, validateDocumento } from '../../src/standard/validate.js';
import { validateLista, type ValidatedDocumento } from '../../src/standard/validate-stream.js';
import { documentoXml } from '../../src/standard/writer.js';
import { validDocumento } from '../helpers/documentos.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<ListaDocumentos>\n';
const TAIL = '\n</ListaDocumentos>\n';
const docXml = documentoXml(validDocumento(), { indent: true });

/** The list with one Documento whose Assunto starts with `bytes`. */
function withAssunto(bytes: Buffer): Buffer {
  const [before, after] = docXml.split('<Assunto>') as [string, string];
  return Buffer.concat([Buffer.from(`${HEAD}${before}<Assunto>`), bytes, Buffer.from(`${after}${TAIL}`)]);
}

/** Every Documento as send judges it (normalized, reading Latin-1 where exact), and the list's problems. */
async function asSent(input: Buffer | string): Promise<{ docs: ValidatedDocumento[]; list: Problem[] }> {
  const docs: ValidatedDocumento[] = [];
  const list: Problem[] = [];
  for await (const ev of validateLista(Buffer.from(input), { normalize: {}, read: { repairLatin1: true } })) {
    if (ev.kind === 'documento') docs.push(ev);
    else list.push(ev.problem);
  }
  return { docs, list };
}

const errors = (d: ValidatedDocumento): Problem[] => d.problems.filter((p) => p.severity === 'error');

describe('bytes that are not UTF-8 are located errors, never replaced and sent', () => {
  const assuntoLine = HEAD.split('\n').length + docXml.split('\n').findIndex((l) => l.includes('<Assunto>'));
  it.each([
    ['a lone continuation byte', '80'],
    ['a truncated sequence', 'e282'],
    ['an overlong form', 'c0af'],
    ['an encoded surrogate', 'eda080'],
    ['a code point above U+10FFFF', 'f4908080'],
    ['a lead byte followed by a sign', 'e9b0'],
  ])('%s', async (_what, hex) => {
    const input = withAssunto(Buffer.from(hex, 'hex'));
    const offset = input.indexOf(Buffer.from(hex, 'hex'));
    const { docs } = await asSent(input);
    const [p, ...more] = errors(docs[0]!);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ code: 'UTF8_INVALID', field: 'Assunto', line: assuntoLine });
    expect(p!.message).toContain(`at byte offset ${offset}`);
    expect(docs[0]!.xml).toBeDefined();
  });

  it('reads a lone Latin-1 letter as itself, with a warning that says so', async () => {
    const { docs } = await asSent(withAssunto(Buffer.from('certid\xe3o ', 'latin1')));
    expect(errors(docs[0]!)).toEqual([]);
    expect(docs[0]!.documento.Assunto).toMatch(/^certidão /);
    expect(docs[0]!.problems).toContainEqual(expect.objectContaining({ code: 'UTF8_INVALID', severity: 'warning', field: 'Assunto' }));
  });

  it('refuses a UTF-8 byte order mark with an ISO-8859-1 declaration', async () => {
    const input = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n<ListaDocumentos>\n${docXml}${TAIL}`),
    ]);
    const events = [];
    for await (const ev of readListaDocumentos(input)) events.push(ev);
    expect(events).toEqual([{ kind: 'problem', fatal: true, problem: expect.objectContaining({ code: 'XML_ENCODING', line: 1 }) }]);
  });
});

describe('characters XML or the PI cannot carry', () => {
  it.each([
    ['&#xD800;', 'CHARACTER_NOT_ALLOWED', '&#xD800;'],
    ['&#xFFFF;', 'CHARACTER_NOT_ALLOWED', '&#xFFFF;'],
    ['&#1;', 'CHARACTER_NOT_ALLOWED', '&#1;'],
    ['&#x110000;', 'CHARACTER_NOT_ALLOWED', '&#x110000;'],
    ['&#xFDD0;', 'CHARACTER_NOT_ALLOWED', 'U+FDD0'],
    ['&#x1FFFF;', 'CHARACTER_NOT_ALLOWED', 'U+1FFFF'],
    ['\ufffe', 'CONTROL_CHARACTER', 'U+FFFE'],
  ])('%s in Assunto is an error of that field', async (text, code, named) => {
    const { docs } = await asSent(withAssunto(Buffer.from(text)));
    const p = errors(docs[0]!).find((x) => x.code === code);
    expect(p, JSON.stringify(docs[0]!.problems)).toMatchObject({ field: 'Assunto' });
    expect(docs[0]!.problems.map((x) => x.message).join(' ')).toContain(named);
  });

  it('a lone surrogate in an object (JavaScript strings can hold one) is refused', () => {
    const r = validateDocumento({ ...validDocumento(), Assunto: 'a\ud800b' });
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'CHARACTER_NOT_ALLOWED', field: 'Assunto' }));
  });

  it('a text of only invisible characters is blank', () => {
    const r = validateDocumento({ ...validDocumento(), Assunto: '\u200b\u2060\ufeff ' });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'TEXT_BLANK', field: 'Assunto' }));
  });

  it('masks a CPF written with full-width digits like any other', () => {
    expect(maskCpfsInName('Maria １２３．４５６．７８９－０９')).toBe('Maria ***.456.78*-**');
    expect(maskCpfsInName('Maria １２３４５６７８９０９')).toBe('Maria ***45678***');
  });
});

describe('what send would rebuild differently from the file', () => {
  const withEspecie = (especie: string): string => HEAD + docXml.replace('<Especie>Processo</Especie>', especie) + TAIL;

  it('mixed content is an error, never cut to its first text', async () => {
    const { docs: cut } = await asSent(withEspecie('<Especie>Pro<b>cesso</b></Especie>'));
    expect(errors(cut[0]!).map((p) => [p.code, p.field])).toEqual([['XML_MIXED_CONTENT', 'Especie']]);
    const { docs: wrapped } = await asSent(withEspecie('<Especie><i>Processo</i></Especie>'));
    expect(errors(wrapped[0]!).map((p) => p.code)).toContain('XML_MIXED_CONTENT');
    const names = HEAD + docXml.replace(/<NomeInteressado>([^<]*)<\/NomeInteressado>/, '<NomeInteressado>Maria <i>Exemplo</i></NomeInteressado>') + TAIL;
    const { docs } = await asSent(names);
    expect(errors(docs[0]!).map((p) => [p.code, p.field])).toEqual([['XML_MIXED_CONTENT', 'ListaInteressados/Interessado[1]/NomeInteressado']]);
  });

  it('attributes, namespace declarations and stray text are left out with a warning each', async () => {
    const { docs } = await asSent(
      HEAD +
        docXml
          .replace('<Especie>', '<Especie lang="pt">')
          .replace('<Assunto>', '<Assunto xmlns="urn:outro">')
          .replace('<Historico>', 'texto solto\n<Historico>') +
        TAIL,
    );
    expect(errors(docs[0]!)).toEqual([]);
    expect(docs[0]!.problems.filter((p) => p.code === 'XML_DROPPED').map((p) => p.field)).toEqual(['Especie/@lang', 'Assunto/@xmlns', 'Documento']);
  });
});

describe('bounded memory and located file problems', () => {
  async function* repeat(head: string, piece: string, count: number, tail: string): AsyncGenerator<Uint8Array> {
    yield Buffer.from(head);
    const block = Buffer.from(piece.repeat(1000));
    for (let i = 0; i < count / 1000; i++) yield block;
    yield Buffer.from(tail);
  }

  async function peakGrowth(source: AsyncIterable<Uint8Array>): Promise<{ growth: number; events: Array<{ kind: string; codes: string[] }> }> {
    const base = process.memoryUsage().rss;
    let peak = base;
    const events: Array<{ kind: string; codes: string[] }> = [];
    for await (const ev of readListaDocumentos(source)) {
      peak = Math.max(peak, process.memoryUsage().rss);
      events.push({ kind: ev.kind, codes: ev.kind === 'problem' ? [ev.problem.code] : ev.problems.map((p) => p.code) });
    }
    return { growth: Math.max(peak, process.memoryUsage().rss) - base, events };
  }

  it('one start tag with 1,000,000 attributes', async () => {
    const { growth, events } = await peakGrowth(repeat(`${HEAD}<Documento `, 'a1234567="1" ', 1_000_000, `>\n</Documento>${TAIL}`));
    expect(events[0]!.codes).toContain('XML_TOO_LARGE');
    expect(growth).toBeLessThan(100 * 1024 * 1024);
  });

  it('1,000,000 Interessados: the Documento is too large and its draft stops growing', async () => {
    const [before, after] = docXml.split('</ListaInteressados>') as [string, string];
    const { growth, events } = await peakGrowth(
      repeat(`${HEAD}${before}`, '<Interessado><NomeInteressado>Nome</NomeInteressado></Interessado>\n', 1_000_000, `</ListaInteressados>${after}${TAIL}`),
    );
    expect(events[0]!.codes).toEqual(['XML_TOO_LARGE']);
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  }, 60_000);

  it('file problems carry a line; a huge name is quoted short', async () => {
    const read = async (xml: string): Promise<Problem[]> => {
      const out: Problem[] = [];
      for await (const ev of readListaDocumentos(Buffer.from(xml))) if (ev.kind === 'problem') out.push(ev.problem);
      return out;
    };
    expect(await read('<?xml version="1.0"?>\n<ListaDocumentos/>\n')).toEqual([expect.objectContaining({ code: 'LISTA_EMPTY', line: 2 })]);
    expect(await read('<?xml version="1.0"?>\n<ListaDocumentos>\n\n</ListaDocumentos>\n')).toEqual([expect.objectContaining({ code: 'LISTA_EMPTY', line: 2 })]);
    const junk = await read(`<?xml version="1.0"?>\n<ListaDocumentos>\n<!junk>\n${docXml}${TAIL}`);
    expect(junk.length).toBeGreaterThan(0);
    expect(new Set(junk.map((p) => `${p.message}@${p.line}`)).size).toBe(junk.length);
    for (const p of junk) expect(p.line).toBeGreaterThan(0);
    const big = await read(`${HEAD}<${'A'.repeat(100_000)}/>\n${docXml}${TAIL}`);
    expect(big.map((p) => p.code)).toContain('XML_UNEXPECTED_CONTENT');
    for (const p of big) expect(p.message.length).toBeLessThan(300);
  });
});

describe('objects given to the library', () => {
  const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(validDocumento())) as Record<string, unknown>;

  it('refuses unknown keys anywhere, non-plain objects and cycles, with the field path', () => {
    const inner = base();
    // cpf and natureza are known (the REST API's); cnpj is not, and a CPF given as a number is a type error.
    const interessado = (inner['ListaInteressados'] as { Interessado: Array<Record<string, unknown>> }).Interessado[0]!;
    interessado['cnpj'] = '00394460000141';
    interessado['cpf'] = 12345678909;
    expect(shapeProblems(inner)).toEqual([
      expect.objectContaining({ code: 'FIELD_TYPE', field: 'ListaInteressados/Interessado[1]/cpf' }),
      expect.objectContaining({ code: 'XSD_UNKNOWN_ELEMENT', field: 'ListaInteressados/Interessado[1]/cnpj' }),
    ]);

    const map = { ...base(), ListaInteressados: new Map() };
    expect(shapeProblems(map)).toEqual([
      expect.objectContaining({ code: 'FIELD_TYPE', field: 'ListaInteressados', message: expect.stringMatching(/got a Map/) }),
    ]);

    const cyclic = base();
    const historico = cyclic['Historico'] as { ItemHistorico: unknown[] };
    historico.ItemHistorico.push(historico);
    expect(shapeProblems(cyclic)).toEqual([
      expect.objectContaining({ field: `Historico/ItemHistorico[${historico.ItemHistorico.length}]`, message: expect.stringMatching(/cycle/) }),
    ]);
  });

  it('a Documento too large for the reader is too large as an object, named by the field where it overflows', () => {
    const huge = { ...base(), ListaInteressados: { Interessado: Array.from({ length: 300_000 }, (_, i) => ({ NomeInteressado: `Nome ${i}` })) } };
    const problems = shapeProblems(huge);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'XML_TOO_LARGE', field: expect.stringMatching(/^ListaInteressados\/Interessado\[\d+\]\/NomeInteressado$/) });
  });
});
