import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readListaDocumentos } from '../../src/standard/reader.js';
import { validateRecord } from '../../src/standard/validate.js';
import { documentoXml } from '../../src/standard/writer.js';
import { codes, readAll, validDocumento } from '../helpers/documentos.js';
import { expectHugeTextNodeSkipped } from '../helpers/huge-text.js';

const SAMPLE = new URL('../../samples/lista-documentos.xml', import.meta.url);
const sampleText = readFileSync(SAMPLE, 'utf8');
const lista = (...docs: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>\n<ListaDocumentos>\n${docs.join('\n')}\n</ListaDocumentos>\n`;
const doc = (overrides = {}): string => documentoXml(validDocumento(overrides), { indent: true });

/** Line (1-based) of each `<Documento>` in a text. */
function documentoLines(text: string): number[] {
  return text.split('\n').flatMap((l, i) => (/^\s*<Documento[\s>/]/.test(l) ? [i + 1] : []));
}

describe('reading ListaDocumentos', () => {
  it('yields each Documento with its start line, its exact XML and a draft', async () => {
    const { records, listProblems } = await readAll(sampleText);
    expect(listProblems).toEqual([]);
    expect(records.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(records.map((r) => r.line)).toEqual(documentoLines(sampleText));
    const first = records[0]!;
    expect(first.xml?.startsWith('<Documento>')).toBe(true);
    expect(first.xml?.endsWith('</Documento>')).toBe(true);
    expect(sampleText).toContain(first.xml);
    expect(first.documento.Protocolo).toBe('99991000007202530');
    expect(first.documento.Historico?.ItemHistorico).toHaveLength(3);
    expect(first.documento.ListaInteressados?.Interessado?.[1]?.NomeInteressado).toBe('Associação Fictícia de Teste');
    expect(records[2]!.documento.Assunto).toBe('Solicitação de informações sobre imóvel funcional <bloco C>');
    const operacaoLine = sampleText.split('\n').findIndex((l) => l.includes('Processo remetido pela unidade DIPRO')) + 1;
    expect(first.lines.get('Historico/ItemHistorico[2]/Operacao')).toBe(operacaoLine);
    for (const r of records) expect(validateRecord(r).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('gives the same result whatever the chunk size (multi-byte characters split across chunks)', async () => {
    const bytes = readFileSync(new URL('../../samples/invalid/invalid-utf8.xml', import.meta.url));
    const reference = await readAll(bytes, { chunkSize: 65536 });
    for (const chunkSize of [1, 2, 3, 5, 17, 511, 4096]) {
      const r = await readAll(bytes, { chunkSize });
      expect(r.records.map((x) => [x.line, x.xml, x.documento, codes(x.problems), x.problems.map((p) => p.line)])).toEqual(
        reference.records.map((x) => [x.line, x.xml, x.documento, codes(x.problems), x.problems.map((p) => p.line)]),
      );
    }
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sampleText)]);
    const a = await readAll(withBom);
    const b = await readAll(sampleText);
    expect(a.listProblems).toEqual([]);
    expect(a.records.map((r) => r.documento)).toEqual(b.records.map((r) => r.documento));
  });

  it('reads files declared ISO-8859-1 to the same Documentos', async () => {
    const latin1 = readFileSync(new URL('../../samples/lista-documentos-latin1.xml', import.meta.url));
    expect(latin1.includes(Buffer.from('ã', 'utf8'))).toBe(false);
    const a = await readAll(latin1);
    const b = await readAll(sampleText);
    expect(a.listProblems).toEqual([]);
    expect(a.records.map((r) => r.documento)).toEqual(b.records.map((r) => r.documento));
  });

  it('refuses other encodings with a clear fatal problem', async () => {
    for (const input of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<\0L\0', 'latin1')]),
      Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><ListaDocumentos/>'),
    ]) {
      const r = await readAll(input);
      expect(r.records).toEqual([]);
      expect(r.listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([['XML_ENCODING', true]]);
    }
  });

  it('locates invalid UTF-8 bytes in their Documento, once per line', async () => {
    const bytes = readFileSync(new URL('../../samples/invalid/invalid-utf8.xml', import.meta.url));
    const { records } = await readAll(bytes);
    expect(records[0]!.problems).toEqual([]);
    const bad = records[1]!;
    expect(codes(bad.problems)).toEqual(['UTF8_INVALID']);
    const lineText = bytes.toString('latin1').split('\n')[bad.problems[0]!.line! - 1];
    expect(lineText).toContain('<Assunto>');
    expect(bad.documento.Assunto).toBe('Pedido de certid\ufffdo de tempo de servi\ufffdo');
  });

  it('reads invalid bytes as Latin-1 when asked to repair, as warnings', async () => {
    const bytes = readFileSync(new URL('../../samples/invalid/invalid-utf8.xml', import.meta.url));
    const { records } = await readAll(bytes, { repairLatin1: true });
    const bad = records[1]!;
    expect(bad.problems.map((p) => [p.code, p.severity])).toEqual([['UTF8_INVALID', 'warning']]);
    expect(bad.documento.Assunto).toBe('Pedido de certidão de tempo de serviço');
  });

  it('reads CDATA and character references as text', async () => {
    const xml = lista(doc().replace(/<Assunto>.*<\/Assunto>/, '<Assunto><![CDATA[A & B <c>]]> &#233;</Assunto>'));
    const { records } = await readAll(xml);
    expect(records[0]!.documento.Assunto).toBe('A & B <c> é');
  });

  it('reads a self-closing Documento and lets the XSD report what it lacks', async () => {
    const { records } = await readAll(lista('  <Documento/>'));
    expect(records[0]!.xml).toBe('<Documento/>');
    expect(codes(validateRecord(records[0]!))).toEqual(['XSD_MISSING_ELEMENT']);
  });

  it('records unknown and repeated elements as ignored, keeping the first value', async () => {
    const xml = lista(doc().replace('<Especie>Processo</Especie>', '<Especie>Processo</Especie><Especie>Outro</Especie><Nota>x</Nota>'));
    const { records } = await readAll(xml);
    expect(records[0]!.documento.Especie).toBe('Processo');
    expect(records[0]!.ignored.map((i) => [i.field, i.reason])).toEqual([
      ['Especie[2]', 'repeated'],
      ['Nota', 'unknown'],
    ]);
  });

  it('copies the root namespace declarations so a prefixed element is an XSD error, not an XML one', async () => {
    const xml = lista(doc().replace('<Especie>', '<x:Nota>1</x:Nota><Especie>')).replace('<ListaDocumentos>', '<ListaDocumentos xmlns:x="urn:x">');
    const { records } = await readAll(xml);
    expect(records[0]!.rootNamespaces).toBe(' xmlns:x="urn:x"');
    expect(codes(validateRecord(records[0]!))).toEqual(['XSD_UNKNOWN_ELEMENT']);
  });

  it('reports lines beyond 65,535 exactly', async () => {
    const padding = '\n'.repeat(70_000);
    const xml = `<ListaDocumentos>${padding}${doc({ Especie: '' })}</ListaDocumentos>`;
    const { records } = await readAll(xml);
    expect(records[0]!.line).toBe(70_001);
    const problems = validateRecord(records[0]!);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['TEXT_BLANK', 70_004]]);
  });
});

describe('reading bad files', () => {
  it('refuses a DOCTYPE (XXE) before reading any Documento, at the DOCTYPE line', async () => {
    const { records, listProblems } = await readAll(readFileSync(new URL('../../samples/invalid/xxe.xml', import.meta.url)));
    expect(records).toEqual([]);
    expect(listProblems.map((p) => [p.problem.code, p.problem.line, p.fatal])).toEqual([['XML_DOCTYPE', 3, true]]);
  });

  it('never expands a billion-laughs file', async () => {
    const before = process.memoryUsage().heapUsed;
    const { records, listProblems } = await readAll(readFileSync(new URL('../../samples/invalid/billion-laughs.xml', import.meta.url)));
    expect(records).toEqual([]);
    expect(codes(listProblems.map((p) => p.problem))).toEqual(['XML_DOCTYPE']);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('yields the complete Documentos of a truncated file and marks the cut one', async () => {
    const { records, listProblems } = await readAll(readFileSync(new URL('../../samples/invalid/truncated.xml', import.meta.url)));
    expect(records).toHaveLength(2);
    expect(records[0]!.problems).toEqual([]);
    expect(records[0]!.xml).toBeDefined();
    expect(codes(records[1]!.problems)).toEqual(['XML_TRUNCATED']);
    expect(records[1]!.xml).toBeUndefined();
    expect(listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([['XML_TRUNCATED', true]]);
  });

  it('refuses a wrong root element and a namespaced one', async () => {
    for (const xml of [
      '<Documentos><Documento/></Documentos>',
      '<ListaDocumentos xmlns="urn:x"><Documento/></ListaDocumentos>',
      '<p:ListaDocumentos xmlns:p="urn:x"/>',
    ]) {
      const { records, listProblems } = await readAll(xml);
      expect(records).toEqual([]);
      expect(listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([['XML_ROOT', true]]);
    }
  });

  it('reports content other than Documento in the list and goes on', async () => {
    const xml = lista(doc(), '  <Resumo>2 documentos</Resumo>', '  texto solto', doc({ Protocolo: '99991000003202551' }));
    const { records, listProblems } = await readAll(xml);
    expect(records).toHaveLength(2);
    expect(listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([
      ['XML_UNEXPECTED_CONTENT', false],
      ['XML_UNEXPECTED_CONTENT', false],
    ]);
  });

  it('marks a Documento with a bare & (the commonest hand-made error) and reads the next ones', async () => {
    const xml = lista(doc({ Assunto: 'PLACEHOLDER' }).replace('PLACEHOLDER', 'Silva & Filhos, P&D'), doc({ Protocolo: '99991000003202551' }));
    for (const chunkSize of [1, 7, 65536]) {
      const { records, listProblems } = await readAll(xml, { chunkSize });
      expect(listProblems).toEqual([]);
      expect(records[0]!.problems.map((p) => [p.code, p.line, p.message])).toEqual([
        ['XML_MALFORMED', 7, "Assunto: a bare '&' in the text: write it as &amp;"],
      ]);
      expect(records[0]!.problems[0]!.field).toBe('Assunto');
      expect(records[0]!.xml).toBeUndefined();
      expect(records[1]!.problems).toEqual([]);
      expect(records[1]!.xml).toBeDefined();
    }
  });

  it('leaves a raw & alone where XML allows it: CDATA, comments, processing instructions', async () => {
    const xml = lista(
      doc({ Assunto: 'PLACEHOLDER' })
        .replace('PLACEHOLDER', '<![CDATA[Silva & Filhos]]> &amp; P&#38;D')
        .replace('<Especie>', '<!-- R&D --><?pi a&b?><Especie>'),
    );
    for (const chunkSize of [1, 3, 65536]) {
      const { records } = await readAll(xml, { chunkSize });
      expect(records[0]!.problems).toEqual([]);
      expect(records[0]!.documento.Assunto).toBe('Silva & Filhos & P&D');
      expect(validateRecord(records[0]!)).toEqual([]);
    }
  });

  it('marks a Documento with a local XML error (a < in text) and reads the next ones', async () => {
    const xml = lista(doc({ Assunto: 'PLACEHOLDER' }).replace('PLACEHOLDER', 'a < b'), doc({ Protocolo: '99991000003202551' }));
    const { records, listProblems } = await readAll(xml);
    expect(listProblems).toEqual([]);
    expect(codes(records[0]!.problems)).toEqual(['XML_MALFORMED']);
    expect(records[0]!.xml).toBeUndefined();
    expect(records[1]!.problems).toEqual([]);
  });

  it('reports a raw control character as CONTROL_CHARACTER on its line', async () => {
    const xml = lista(doc({ Assunto: 'PLACEHOLDER' }).replace('PLACEHOLDER', 'a\u0001b'));
    const { records } = await readAll(xml);
    expect(records[0]!.problems.map((p) => [p.code, p.line])).toEqual([['CONTROL_CHARACTER', 7]]);
  });

  it('stops at a structural error, keeping what came before', async () => {
    const broken = doc({ Protocolo: '99991000003202551' }).replace('</Assunto>', '</Assunt>');
    const { records, listProblems } = await readAll(lista(doc(), broken, doc({ Protocolo: '99991000012202542' })));
    expect(records).toHaveLength(2);
    expect(records[0]!.problems).toEqual([]);
    expect(codes(records[1]!.problems)).toEqual(['XML_MALFORMED']);
    expect(listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([['XML_MALFORMED', true]]);
  });

  it('reports an empty file, an empty list and a missing file', async () => {
    expect((await readAll('')).listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([['XML_MALFORMED', true]]);
    expect((await readAll('<ListaDocumentos>\n</ListaDocumentos>')).listProblems.map((p) => p.problem.code)).toEqual(['LISTA_EMPTY']);
    const missing = readListaDocumentos('/nonexistent/lista.xml');
    await expect(missing.next()).rejects.toMatchObject({ code: 'ERR_FILE_READ' });
  });

  it('refuses absurd nesting without growing', async () => {
    const xml = `<ListaDocumentos><Documento>${'<a>'.repeat(100_000)}`;
    const { listProblems } = await readAll(xml);
    expect(listProblems.map((p) => [p.problem.code, p.fatal])).toEqual([['XML_TOO_LARGE', true]]);
  });

  it('skips a single 256 MB text node in bounded memory and reads the next Documento (1 GB in test:slow)', async () => {
    await expectHugeTextNodeSkipped(256);
    // Memory is what is measured; the time a busy machine takes to stream 256 MB is not.
  }, 120_000);
});
