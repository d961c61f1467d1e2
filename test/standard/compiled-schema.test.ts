/**
 * The compiled schema against libxml2, the reference engine (ADR 0009): whatever the compiled schema
 * accepts, libxml2 must accept too, over the samples, the invalid samples, and generated mutants of
 * the model and of the XML; and it must accept the valid Documentos we send, or it saves nothing.
 */

import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CompiledSchema, translatePattern, UnsupportedSchemaError } from '../../src/standard/compiled-schema.js';
import { MAX_DOCUMENTO_LENGTH, PROFILES, type DocumentoDraft, type Profile } from '../../src/standard/model.js';
import { readPlainPart } from '../../src/standard/plain-part.js';
import { normalizeDocumento } from '../../src/standard/normalize.js';
import { seededRandom } from '../../src/simulator/server.js';
import { documentoXml } from '../../src/standard/writer.js';
import { libxml2Problems, SCHEMA_FILES, validateAgainstSchema, validateDocumentoXml } from '../../src/standard/xsd.js';
import { clone, readAll, validDocumento } from '../helpers/documentos.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const schemas: Record<Profile, CompiledSchema> = {
  strict: CompiledSchema.compile(SCHEMA_FILES.strict),
  lenient: CompiledSchema.compile(SCHEMA_FILES.lenient),
};

interface Tally {
  accepted: number;
  refusedByBoth: number;
  leftToLibxml2: number;
}

/** Checks one XML text in one profile; a compiled-schema "yes" that libxml2 refuses fails the test. */
function check(xml: string, profile: Profile, tally: Tally, namespaces = ''): boolean {
  const accepted = namespaces === '' && schemas[profile].accepts(xml);
  const reference = libxml2Problems(xml, profile, 1, namespaces);
  if (accepted) {
    expect(reference, `accepted by the compiled schema, refused by libxml2 (${profile}): ${xml}`).toEqual([]);
    tally.accepted++;
  } else if (reference.length > 0) tally.refusedByBoth++;
  else tally.leftToLibxml2++;
  return accepted;
}

const tally = (): Tally => ({ accepted: 0, refusedByBoth: 0, leftToLibxml2: 0 });

function sampleFiles(): string[] {
  const dir = path.join(ROOT, 'samples');
  return [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => path.join(dir, f)),
    ...readdirSync(path.join(dir, 'invalid')).map((f) => path.join(dir, 'invalid', f)),
    ...readdirSync(path.join(dir, 'library'))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => path.join(dir, 'library', f)),
  ];
}

const LONG = (n: number, unit = 'a'): string => unit.repeat(n);
/** Values that sit on either side of what the schema allows, for every kind of field. */
const TEXTS = [
  '',
  ' ',
  'x',
  'A & B <c> "d" \'e\'',
  ']]>',
  'tab\there',
  'line\nbreak',
  'cr\rhere',
  'nel\u0085here',
  'del\u007fhere',
  'nul\u0000here',
  'bad\ufffehere',
  'lone\ud800surrogate',
  'astral \u{1f600} ok',
  LONG(49),
  LONG(50),
  LONG(51),
  LONG(50, '\u{1f600}'),
  LONG(51, '\u{1f600}'),
  LONG(149),
  LONG(150),
  LONG(151),
  LONG(150, '\u{1d11e}'),
  LONG(151, '\u{1d11e}'),
  LONG(300),
  LONG(301),
  LONG(300, 'é'),
  LONG(301, '\u{1f600}'),
];
const PROTOCOLOS = [
  ...[12, 13, 14, 15, 16, 17, 18, 20, 21, 22].map((n) => '1'.repeat(n)),
  '1234567890123DV',
  '123456789012345DV',
  '1234567890123dv',
  '12345678901234DV',
  '٠١٢٣٤٥٦٧٨٩٠١٢',
  '１２３４５６７８９０１２３',
  '99991.000007/2025-30',
  ' 9999100000720253',
  '9999100000720253 ',
];
const DATES = [
  '2025-03-10T00:00:00-03:00',
  '2025-03-10T00:00:00Z',
  '2025-03-10T00:00:00',
  '2025-03-10T00:00:00.5-03:00',
  '2025-03-10T00:00:00.123456789+14:00',
  '2025-03-10T00:00:00.1234567891-03:00',
  '2025-03-10T24:00:00-03:00',
  '2025-03-10T23:59:60-03:00',
  '2025-03-10T23:60:00-03:00',
  '2025-02-29T10:00:00-03:00',
  '2024-02-29T10:00:00-03:00',
  '1900-02-29T10:00:00-03:00',
  '2000-02-29T10:00:00-03:00',
  '2025-04-31T10:00:00-03:00',
  '2025-13-01T10:00:00-03:00',
  '2025-00-01T10:00:00-03:00',
  '0000-01-01T10:00:00-03:00',
  '0001-01-01T10:00:00-03:00',
  '12025-01-01T10:00:00-03:00',
  '-2025-01-01T10:00:00-03:00',
  '2025-01-01T10:00:00+14:00',
  '2025-01-01T10:00:00+14:01',
  '2025-01-01T10:00:00-13:59',
  '2025-01-01T10:00:00-15:00',
  '2025-01-01T10:00:00-03:60',
  '2025-01-01T10:00:00-0300',
  '2025-01-01 10:00:00-03:00',
  ' 2025-01-01T10:00:00-03:00',
  '2025-01-01T10:00:00-03:00 ',
  '2025-1-01T10:00:00-03:00',
  '10/03/2025 10:00',
];

/** Every way to change one field of the valid Documento, through the model (so in the writer's form). */
function modelMutants(): DocumentoDraft[] {
  const out: DocumentoDraft[] = [];
  const with_ = (edit: (d: DocumentoDraft) => void): void => {
    const d: DocumentoDraft = clone(validDocumento());
    edit(d);
    out.push(d);
  };
  const item = (d: DocumentoDraft): Record<string, string | undefined> => d.Historico!.ItemHistorico![0]! as Record<string, string | undefined>;
  for (const v of PROTOCOLOS) {
    with_((d) => (d.Protocolo = v));
    with_((d) => (d.ListaProtocolosRelacionados = { ProtocoloRelacionado: [v] }));
  }
  for (const v of DATES) {
    with_((d) => (d.DataHoraProducao = v));
    with_((d) => (item(d)['DataHoraOperacao'] = v));
  }
  for (const v of TEXTS) {
    with_((d) => (d.Especie = v));
    with_((d) => (d.Assunto = v));
    with_((d) => (d.IdentificacaoDocumento = v));
    with_((d) => (d.ListaInteressados = { Interessado: [{ NomeInteressado: v }] }));
    with_((d) => (item(d)['UnidadeOperacao'] = v));
    with_((d) => (item(d)['Operacao'] = v));
  }
  for (const key of ['Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'ListaProtocolosRelacionados', 'ListaInteressados', 'Historico'] as const) {
    with_((d) => delete d[key]);
  }
  for (const key of ['DataHoraOperacao', 'UnidadeOperacao', 'Operacao']) with_((d) => delete item(d)[key]);
  with_((d) => (d.Historico = { ItemHistorico: [] }));
  with_((d) => (d.Historico = {}));
  with_((d) => (d.ListaInteressados = { Interessado: [{}] }));
  with_((d) => (d.ListaInteressados = { Interessado: [] }));
  with_((d) => (d.ListaProtocolosRelacionados = { ProtocoloRelacionado: [] }));
  with_((d) => d.Historico!.ItemHistorico!.push(...Array.from({ length: 50 }, () => ({ ...item(d) }))));
  return out;
}

/** Edits of the XML text: order, repetition, unknown elements, markup the writer never emits. */
const XML_EDITS: Array<(xml: string) => string> = [
  (x) => x.replace(/(<Especie>[^<]*<\/Especie>)(<Assunto>[^<]*<\/Assunto>)/, '$2$1'),
  (x) => x.replace(/(<Protocolo>[^<]*<\/Protocolo>)(<DataHoraProducao>[^<]*<\/DataHoraProducao>)/, '$2$1'),
  (x) => x.replace(/(<Historico>.*<\/Historico>)/, '$1<Assunto>x</Assunto>'),
  (x) => x.replace(/(<Protocolo>[^<]*<\/Protocolo>)/, '$1$1'),
  (x) => x.replace(/(<Assunto>[^<]*<\/Assunto>)/, '$1$1'),
  (x) => x.replace(/(<Historico>.*<\/Historico>)/, '$1$1'),
  (x) => x.replace(/(<ListaInteressados>.*<\/ListaInteressados>)(<ListaProtocolosRelacionados>.*<\/ListaProtocolosRelacionados>)?/, '$2$1'),
  (x) => x.replace(/(<ListaProtocolosRelacionados>.*<\/ListaProtocolosRelacionados>)(<ListaInteressados>.*<\/ListaInteressados>)/, '$2$1'),
  (x) => x.replace('</Assunto>', '</Assunto><Observacao>x</Observacao>'),
  (x) => x.replace('</Assunto>', '</Assunto><IdentificacaoDocumento>x</IdentificacaoDocumento>'),
  (x) => x.replace('<Especie>', '<Especie lang="pt">'),
  (x) => x.replace('<Especie>', '<Especie xmlns="urn:x">'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie/>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie><![CDATA[Processo]]></Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>Pro<!-- x -->cesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>Pro<?pi x?>cesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#80;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#x50;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#0;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#xD800;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#x110000;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#x85;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&#9;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>&nbsp;rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>P & rocesso</Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie>Pro</especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<Especie><b>Processo</b></Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<ns:Especie xmlns:ns="urn:x">Processo</ns:Especie>'),
  (x) => x.replace('<Especie>Processo</Especie>', '<ESPECIE>Processo</ESPECIE>'),
  (x) => x.replace('<Historico>', '<Historico>texto'),
  (x) => x.replace('<Historico>', '<Historico>\n  \t '),
  (x) => x.replace('<Historico>', '<Historico>\u00a0'),
  (x) => x.replace('<ItemHistorico>', '<ItemHistorico>\r\n'),
  (x) => x.replace('</Documento>', '</Documento>x'),
  (x) => x.replace('</Documento>', '</Documento><Documento>'),
  (x) => x.replace('</Documento>', ''),
  (x) => ` ${x}`,
  (x) => `${x}\n`,
  (x) => x.replace(/<ItemHistorico>.*<\/ItemHistorico>/, ''),
];

/** Random edits with the characters that matter to XML, at random places. */
function fuzz(xml: string, rnd: () => number): string {
  const alphabet = [
    '<',
    '>',
    '/',
    '&',
    ';',
    '#',
    'x',
    '"',
    "'",
    ' ',
    '\n',
    '\t',
    '\r',
    '\u0085',
    ']]>',
    '<!--',
    '-->',
    'amp',
    'é',
    '\u{1f600}',
    '\ud800',
    '0',
    '9',
    'T',
    ':',
    '-',
    '+',
    'Z',
  ];
  let out = xml;
  const edits = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = rnd();
    const piece = alphabet[Math.floor(rnd() * alphabet.length)]!;
    if (kind < 0.4) out = out.slice(0, at) + piece + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 4));
    else out = out.slice(0, at) + piece + out.slice(at + piece.length);
  }
  return out;
}

describe('the compiled schema', () => {
  it('accepts nothing that libxml2 refuses, in any sample, as written and as sent, and accepts every valid one as sent', async () => {
    for (const profile of PROFILES) {
      const t = tally();
      for (const file of sampleFiles()) {
        const { records } = await readAll(readFileSync(file));
        for (const record of records) {
          if (record.xml !== undefined) check(record.xml, profile, t, record.rootNamespaces);
          const sent = documentoXml(normalizeDocumento(record.documento).documento, { invalidCharacters: 'replace' });
          const accepted = check(sent, profile, t);
          // The form we send: when libxml2 finds it valid, so must the compiled schema.
          if (!accepted) expect(libxml2Problems(sent, profile), `${path.basename(file)} #${record.index} as sent (${profile})`).not.toEqual([]);
        }
      }
      expect(t.accepted).toBeGreaterThan(20);
      expect(t.refusedByBoth).toBeGreaterThan(5);
    }
  });

  it('agrees with libxml2 on every model mutant in the form we send, except the rare date forms it leaves to libxml2', () => {
    const rare = /T24:|\.\d{10}|^\d{5}|^-|^\s|\s$/;
    for (const profile of PROFILES) {
      const t = tally();
      for (const draft of modelMutants()) {
        const xml = documentoXml(draft, { invalidCharacters: 'replace' });
        const accepted = check(xml, profile, t);
        const dates = [draft.DataHoraProducao, ...(draft.Historico?.ItemHistorico ?? []).map((i) => i.DataHoraOperacao)];
        if (!accepted && !dates.some((d) => d !== undefined && rare.test(d))) {
          expect(libxml2Problems(xml, profile), `left to libxml2 though valid (${profile}): ${xml}`).not.toEqual([]);
        }
      }
      expect(t.accepted).toBeGreaterThan(30);
      expect(t.refusedByBoth).toBeGreaterThan(100);
    }
  });

  it('accepts nothing that libxml2 refuses among edits of the XML and 4,000 random mutants', () => {
    const base = documentoXml(validDocumento());
    const rnd = seededRandom(17);
    for (const profile of PROFILES) {
      const t = tally();
      for (const edit of XML_EDITS) check(edit(base), profile, t);
      for (let i = 0; i < 2000; i++) check(fuzz(base, rnd), profile, t);
      // The random edits must reach both verdicts, or they prove nothing.
      expect(t.accepted).toBeGreaterThan(100);
      expect(t.refusedByBoth).toBeGreaterThan(1000);
    }
  });

  it('accepts no date-time that libxml2 refuses, among 3,000 random ones near the valid form', () => {
    const base = documentoXml(validDocumento());
    const rnd = seededRandom(29);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const num = (n: number, max: number): string => String(Math.floor(rnd() * max)).padStart(n, '0');
    const t = tally();
    for (let i = 0; i < 3000; i++) {
      const fraction = pick(['', '', `.${num(1, 10)}`, `.${num(9, 1e9)}`, `.${num(10, 1e10)}`, '.']);
      const zone = pick(['', 'Z', `${pick(['+', '-'])}${num(2, 16)}:${num(2, 62)}`, '-03:00', '+0300', 'z']);
      const value = `${pick([num(4, 10000), '2024', '2100', '2000', '1900', '0000'])}-${num(2, 14)}-${num(2, 33)}T${num(2, 26)}:${num(2, 62)}:${num(2, 62)}${fraction}${zone}`;
      check(base.replace(/<DataHoraProducao>[^<]*/, `<DataHoraProducao>${value}`), 'strict', t);
    }
    expect(t.accepted).toBeGreaterThan(100);
    expect(t.refusedByBoth).toBeGreaterThan(1000);
  });

  it('is what validateDocumentoXml uses first: the same problems as libxml2 alone, for valid and invalid Documentos', () => {
    const good = documentoXml(validDocumento());
    const bad = documentoXml(validDocumento({ Especie: 'x'.repeat(51) }));
    expect(validateDocumentoXml(good, 'strict')).toEqual([]);
    expect(validateDocumentoXml(bad, 'strict', 7)).toEqual(libxml2Problems(bad, 'strict', 7));
    expect(validateDocumentoXml(bad, 'strict', 7).map((p) => p.code)).toEqual(['XSD_LENGTH']);
    // A namespace on the list's root could qualify the elements: left to libxml2.
    expect(validateDocumentoXml(good, 'strict', 1, ' xmlns="urn:x"')).not.toEqual([]);
  });
});

describe("the compiled schema's check of a draft", () => {
  /** Drafts the writer's code paths can meet, well typed or not (the library takes plain JavaScript). */
  function oddDrafts(): Array<{ draft: unknown; sure: boolean }> {
    // Each with whether the draft check may be sure of it: the rest it leaves to the XML's walk.
    const odd: Array<[(d: Record<string, unknown>) => void, boolean]> = [
      [(d) => (d['Protocolo'] = null), false],
      [(d) => (d['Protocolo'] = 99991000007202530), false],
      [(d) => (d['Protocolo'] = ['99991000007202530']), false],
      [(d) => (d['Especie'] = { text: 'Processo' }), false],
      [(d) => (d['Historico'] = 'x'), false],
      [(d) => (d['Historico'] = [{ ItemHistorico: [] }]), false],
      [(d) => (d['Historico'] = { ItemHistorico: 'x' }), false],
      [(d) => (d['Historico'] = { ItemHistorico: [undefined] }), false],
      [(d) => (d['Historico'] = { ItemHistorico: [null] }), false],
      [(d) => (d['Historico'] = { ItemHistorico: [{ DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'U', Operacao: ['a'] }] }), false],
      [(d) => (d['ListaInteressados'] = { Interessado: 'Maria' }), false],
      [(d) => (d['ListaInteressados'] = { Interessado: [undefined] }), false],
      [(d) => (d['ListaInteressados'] = { Interessado: [{ NomeInteressado: 'Maria', cpf: '12345678909', natureza: 'F' }] }), true],
      [(d) => (d['ListaInteressados'] = { Interessado: [{ NomeInteressado: 'Maria' }], Outro: 1 }), true],
      [(d) => (d['ListaInteressados'] = 'Maria'), false],
      [(d) => (d['ListaInteressados'] = {}), true],
      [(d) => (d['ListaProtocolosRelacionados'] = { ProtocoloRelacionado: '99991000003202551' }), false],
      [(d) => (d['ListaProtocolosRelacionados'] = { ProtocoloRelacionado: ['99991000003202551', undefined] }), false],
      [(d) => (d['ListaProtocolosRelacionados'] = null), false],
      [(d) => (d['Desconhecido'] = 'x'), true],
      [(d) => (d['Assunto'] = 'linha 1\r\nlinha 2\tfim'), false],
      [(d) => (d['Assunto'] = 'com \u0001 controle'), false],
      [(d) => (d['Assunto'] = 'sozinho \ud800'), false],
      [(d) => (d['Assunto'] = 'par \ud83d\ude00 e ]]> e &amp; e <b>'), true],
      [(d) => (d['Especie'] = '\ufffe'), false],
    ];
    return odd.map(([edit, sure]) => {
      const d = clone(validDocumento()) as unknown as Record<string, unknown>;
      edit(d);
      return { draft: d, sure };
    });
  }

  /** What the XML walk says of the writer's XML of `draft`, or undefined when the writer refuses it. */
  function xmlVerdict(draft: unknown, profile: Profile, t: Tally): boolean | undefined {
    let xml: string;
    try {
      xml = documentoXml(draft as DocumentoDraft, { invalidCharacters: 'replace' });
    } catch {
      return undefined;
    }
    return check(xml, profile, t);
  }

  it('accepts only what the walk of the XML the writer makes of it accepts, and everything it accepts in the typed form', async () => {
    const typed: DocumentoDraft[] = [...modelMutants()];
    for (const file of sampleFiles()) {
      for (const record of (await readAll(readFileSync(file))).records) typed.push(record.documento, normalizeDocumento(record.documento).documento);
    }
    const rnd = seededRandom(41);
    const mutants = modelMutants();
    // Two changes at once, so that a draft can be wrong in two places.
    for (let i = 0; i < 1500; i++) {
      const a = mutants[Math.floor(rnd() * mutants.length)]!;
      const b = mutants[Math.floor(rnd() * mutants.length)]!;
      typed.push({ ...clone(a), ...Object.fromEntries(Object.entries(clone(b)).filter(() => rnd() < 0.3)) });
    }
    for (const profile of PROFILES) {
      const t = tally();
      let acceptedDrafts = 0;
      for (const draft of [...typed, ...oddDrafts().map((o) => o.draft)]) {
        const byDraft = schemas[profile].acceptsDraft(draft as DocumentoDraft);
        const byXml = xmlVerdict(draft, profile, t);
        if (byDraft) {
          acceptedDrafts++;
          expect(byXml, `accepted as a draft, not as its XML (${profile}): ${JSON.stringify(draft)}`).toBe(true);
        }
      }
      for (const draft of typed) {
        // Where the writer writes each value as it is (it throws on a character it would replace),
        // the draft's check is as sure as the XML's walk.
        try {
          documentoXml(draft);
        } catch {
          continue;
        }
        expect(schemas[profile].acceptsDraft(draft), `${profile}: ${JSON.stringify(draft)}`).toBe(xmlVerdict(draft, profile, t));
      }
      expect(acceptedDrafts).toBeGreaterThan(100);
      expect(t.refusedByBoth).toBeGreaterThan(100);
    }
    for (const { draft, sure } of oddDrafts()) expect(schemas.strict.acceptsDraft(draft as DocumentoDraft), JSON.stringify(draft)).toBe(sure);
  });

  it("says of a plain reader's record exactly what the walk of the XML it was read from says", () => {
    // Texts the plain reader takes: the writer's forms of every mutant (one line and indented), the
    // XML edits and random edits it still calls plain, and empty lists, which the writer never writes.
    const texts: string[] = [];
    for (const draft of modelMutants()) {
      texts.push(documentoXml(draft, { invalidCharacters: 'replace' }), documentoXml(draft, { invalidCharacters: 'replace', indent: true }));
    }
    const base = documentoXml(validDocumento());
    texts.push(...XML_EDITS.map((edit) => edit(base)));
    texts.push(
      base.replace(/<ListaInteressados>.*<\/ListaInteressados>/, '<ListaInteressados></ListaInteressados>'),
      base.replace(/<ListaProtocolosRelacionados>.*<\/ListaProtocolosRelacionados>/, '<ListaProtocolosRelacionados>\n  </ListaProtocolosRelacionados>'),
      base.replace(/<Historico>.*<\/Historico>/, '<Historico></Historico>'),
      base.replace(/<NomeInteressado>[^<]*<\/NomeInteressado>/, ''),
      base.replace('<Especie>Processo</Especie>', '<Especie>Pro&#13;&#10;&#9;&amp;&lt;&gt;&quot;&apos;cesso</Especie>'),
    );
    const rnd = seededRandom(43);
    for (let i = 0; i < 3000; i++) texts.push(fuzz(base, rnd));
    for (const profile of PROFILES) {
      const t = tally();
      let plain = 0;
      let sure = 0;
      for (const text of texts) {
        const read = readPlainPart(Buffer.from(text, 'utf8'), MAX_DOCUMENTO_LENGTH);
        if (!read) continue;
        for (const record of read.records) {
          plain++;
          const byDraft = schemas[profile].acceptsPlainRead(record.documento);
          if (byDraft) sure++;
          expect(byDraft, `${profile}: ${record.xml}`).toBe(check(record.xml!, profile, t));
        }
      }
      expect(plain).toBeGreaterThan(500);
      expect(sure).toBeGreaterThan(100);
      expect(t.refusedByBoth).toBeGreaterThan(100);
    }
    // The writer leaves an empty list out; the plain reader's source had it, and the schema refuses it.
    const empty = { ...validDocumento(), ListaInteressados: { Interessado: [] } } as unknown as DocumentoDraft;
    expect(schemas.strict.acceptsDraft(empty)).toBe(true);
    expect(schemas.strict.acceptsPlainRead(empty)).toBe(false);
  });

  it('is never sure with a schema whose elements the writer does not write in its order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-compiled-order-'));
    for (const f of readdirSync(path.join(ROOT, 'xsd')).filter((x) => x.endsWith('.xsd'))) {
      writeFileSync(path.join(dir, f), readFileSync(path.join(ROOT, 'xsd', f), 'utf8'));
    }
    const strict = readFileSync(path.join(dir, 'protocolo-integrado.xsd'), 'utf8');
    const especie = /\s*<xs:element name="Especie"[^\n]*/.exec(strict)![0];
    const swapped = strict.replace(especie, '').replace(/(\s*<xs:element name="Assunto"[^\n]*)/, `$1${especie}`);
    expect(swapped).not.toBe(strict);
    writeFileSync(path.join(dir, 'protocolo-integrado.xsd'), swapped);
    const schema = CompiledSchema.compile(path.join(dir, 'protocolo-integrado.xsd'));
    const draft = validDocumento();
    const xml = documentoXml(draft);
    // The writer's XML has Especie before Assunto, which this schema refuses: so must both checks.
    expect(schema.accepts(xml)).toBe(false);
    expect(schema.acceptsDraft(draft)).toBe(false);
    expect(schemas.strict.acceptsDraft(draft)).toBe(true);
  });

  it('judges by each profile: an Especie over 50 characters is refused by the strict one only', () => {
    const draft = validDocumento({ Especie: 'x'.repeat(51) });
    expect(schemas.strict.acceptsDraft(draft)).toBe(false);
    expect(schemas.lenient.acceptsDraft(draft)).toBe(true);
  });
});

describe('the compiled schema of another schema', () => {
  it('accepts nothing that libxml2 refuses, with every facet and group it compiles', () => {
    // Facets our profiles do not use (enumeration, length, minLength above 1, two pattern steps,
    // xs:all, repeated elements), checked against libxml2 on the same schema file.
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-compiled-other-'));
    const file = path.join(dir, 'other.xsd');
    writeFileSync(
      file,
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="ListaDocumentos" type="L"/>
        <xs:complexType name="L"><xs:sequence><xs:element name="Documento" type="D" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
        <xs:complexType name="D"><xs:sequence>
          <xs:element name="Code" type="Code"/>
          <xs:element name="Word" type="Word" minOccurs="0" maxOccurs="2"/>
          <xs:element name="Set" type="S"/>
          <xs:element name="When" type="xs:dateTime" minOccurs="0"/>
        </xs:sequence></xs:complexType>
        <xs:complexType name="S"><xs:all>
          <xs:element name="Kind" type="Kind"/>
          <xs:element name="Note" type="Short" minOccurs="0"/>
        </xs:all></xs:complexType>
        <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:length value="4"/><xs:pattern value="[A-Z]+[0-9]*"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="Short"><xs:restriction base="xs:string"><xs:minLength value="3"/><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="Word"><xs:restriction base="Short"><xs:pattern value="[a-z\u00e9\u{1f600}]*"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="Kind"><xs:restriction base="xs:string"><xs:enumeration value="a"/><xs:enumeration value="b &amp; c"/><xs:enumeration value="\u{1f600}"/></xs:restriction></xs:simpleType>
      </xs:schema>`.replace(/\\u\{([0-9a-f]+)\}/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16))),
    );
    const schema = CompiledSchema.compile(file);
    const rnd = seededRandom(5);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const codes = ['ABCD', 'AB12', 'A123', '1ABC', 'ABC', 'ABCDE', 'ab12', 'ÁBCD'];
    const words = ['abc', 'abcde', 'ab', 'abcdef', 'éé\u{1f600}', '\u{1f600}\u{1f600}', '\u{1f600}\u{1f600}\u{1f600}', 'ABC', 'a&amp;b'];
    const kinds = ['a', 'b &amp; c', 'b & c', 'c', '\u{1f600}', 'A', '&#97;'];
    const notes = ['abc', 'ab', '\u{1f600}\u{1f600}', '\u{1f600}\u{1f600}\u{1f600}', 'abcdef', '&#x1F600;&#x1F600;&#x1F600;'];
    const t = tally();
    for (let i = 0; i < 5000; i++) {
      const wordCount = Math.floor(rnd() * 4);
      const set = [`<Kind>${pick(kinds)}</Kind>`, ...(rnd() < 0.5 ? [`<Note>${pick(notes)}</Note>`] : [])];
      if (rnd() < 0.5) set.reverse();
      if (rnd() < 0.1) set.push(set[0]!);
      const parts = [
        ...(rnd() < 0.95 ? [`<Code>${pick(codes)}</Code>`] : []),
        ...Array.from({ length: wordCount }, () => `<Word>${pick(words)}</Word>`),
        `<Set>${set.join(rnd() < 0.3 ? '\n  ' : '')}</Set>`,
        ...(rnd() < 0.5 ? [`<When>${pick(DATES)}</When>`] : []),
      ];
      if (rnd() < 0.1) parts.reverse();
      const xml = `<Documento>${parts.join('')}</Documento>`;
      const accepted = schema.accepts(xml);
      const reference = validateAgainstSchema(file, `<ListaDocumentos>${xml}</ListaDocumentos>`);
      if (accepted) {
        expect(reference, `accepted by the compiled schema, refused by libxml2: ${xml}`).toEqual([]);
        t.accepted++;
      } else if (reference.length > 0) t.refusedByBoth++;
      else t.leftToLibxml2++;
    }
    expect(t.accepted).toBeGreaterThan(100);
    expect(t.refusedByBoth).toBeGreaterThan(1000);
  });
});

describe('the schema compiler', () => {
  it('translates XSD patterns exactly, and refuses what it cannot translate exactly', () => {
    const protocolo = translatePattern('[0-9]{13}|[0-9]{15}DV');
    expect(['1234567890123', '123456789012345DV'].every((v) => protocolo.test(v))).toBe(true);
    expect(['123456789012', '1234567890123DV', 'x1234567890123', '1234567890123\n'].some((v) => protocolo.test(v))).toBe(false);
    const text = translatePattern('\\P{Cc}*');
    expect(text.test('Olá \u{1f600}')).toBe(true);
    expect(['a\tb', 'a\u0085b', 'a\u007fb'].some((v) => text.test(v))).toBe(false);
    // ^ and $ are ordinary characters in XSD.
    expect(translatePattern('^a$').test('^a$')).toBe(true);
    expect(translatePattern('a.c').test('a\nc')).toBe(false);
    expect(translatePattern('[a\\-z]+').test('a-z')).toBe(true);
    expect(translatePattern('a-z').test('a-z')).toBe(true);
    // A character beyond the BMP is one character, in a class too.
    expect(translatePattern('[\u{1f600}a]+').test('\u{1f600}a\u{1f600}')).toBe(true);
    expect(translatePattern('[\u{1f600}]').test('\ud83d')).toBe(false);
    for (const p of ['\\d{3}', '\\w+', '\\i\\c*', '\\p{L}+', '\\p{IsBasicLatin}', '[a-z-[aeiou]]', '(a', 'a{2']) {
      expect(() => translatePattern(p), p).toThrow(UnsupportedSchemaError);
    }
  });

  it('refuses a schema with a construct it does not know, so that libxml2 keeps deciding alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-compiled-schema-'));
    let n = 0;
    const LISTA = '<xs:complexType name="L"><xs:sequence><xs:element name="Documento" type="D" maxOccurs="unbounded"/></xs:sequence></xs:complexType>';
    const schema = (root: string, body: string): string => {
      const file = path.join(dir, `s${n++}.xsd`);
      writeFileSync(file, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${root}${body}</xs:schema>`);
      return file;
    };
    const named = (body: string): string => schema(`<xs:element name="ListaDocumentos" type="L"/>${LISTA}`, body);
    const plain = '<xs:complexType name="D"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>';
    expect(CompiledSchema.compile(named(plain)).accepts('<Documento><A>x</A></Documento>')).toBe(true);
    // Lengths count characters: two astral characters are four UTF-16 units but only two characters.
    const three = CompiledSchema.compile(
      named(
        '<xs:complexType name="D"><xs:sequence><xs:element name="A" type="T"/></xs:sequence></xs:complexType><xs:simpleType name="T"><xs:restriction base="xs:string"><xs:minLength value="3"/><xs:maxLength value="5"/></xs:restriction></xs:simpleType>',
      ),
    );
    expect(three.accepts('<Documento><A>\u{1f600}\u{1f600}</A></Documento>')).toBe(false);
    expect(three.accepts('<Documento><A>\u{1f600}\u{1f600}\u{1f600}</A></Documento>')).toBe(true);
    expect(three.accepts('<Documento><A>abcdef</A></Documento>')).toBe(false);
    // An anonymous type on the root is one of the constructs left out.
    expect(() =>
      CompiledSchema.compile(
        schema(
          '<xs:element name="ListaDocumentos"><xs:complexType><xs:sequence><xs:element name="Documento" type="D" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>',
          plain,
        ),
      ),
    ).toThrow(UnsupportedSchemaError);
    for (const body of [
      '<xs:complexType name="D"><xs:choice><xs:element name="A" type="xs:string"/></xs:choice></xs:complexType>',
      '<xs:complexType name="D"><xs:sequence><xs:any/></xs:sequence></xs:complexType>',
      '<xs:complexType name="D" mixed="true"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>',
      '<xs:complexType name="D"><xs:sequence><xs:element name="A" type="xs:int"/></xs:sequence></xs:complexType>',
      '<xs:complexType name="D"><xs:sequence><xs:element name="A" type="T"/></xs:sequence></xs:complexType><xs:simpleType name="T"><xs:restriction base="xs:string"><xs:whiteSpace value="collapse"/></xs:restriction></xs:simpleType>',
      '<xs:complexType name="D"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence><xs:attribute name="x" use="required"/></xs:complexType>',
      '<xs:complexType name="D"><xs:sequence><xs:element name="A" type="xs:string" nillable="true"/></xs:sequence></xs:complexType>',
      `<xs:import namespace="urn:x"/>${plain}`,
      `${plain}${plain}`,
    ]) {
      expect(() => CompiledSchema.compile(named(body)), body).toThrow(UnsupportedSchemaError);
    }
  });
});
