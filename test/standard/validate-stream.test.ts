import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLista, type ValidatedEvent } from '../../src/standard/validate-stream.js';
import { inlineXsd, XsdPool } from '../../src/standard/xsd-pool.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';

const pool = new XsdPool();
afterAll(() => pool.close());

async function collect(source: Parameters<typeof validateLista>[0], options: Parameters<typeof validateLista>[1] = {}): Promise<ValidatedEvent[]> {
  const out: ValidatedEvent[] = [];
  for await (const ev of validateLista(source, options)) out.push(ev);
  return out;
}

const summary = (events: ValidatedEvent[]): string[] =>
  events.flatMap((e) =>
    e.kind === 'problem' ? [`list ${e.problem.code}@${e.problem.line}`] : e.problems.map((p) => `#${e.record.index} ${p.code}@${p.line}`),
  );

describe('validateLista', () => {
  const samples = [
    ...readdirSync('samples')
      .filter((f) => f.endsWith('.xml'))
      .map((f) => `samples/${f}`),
    ...readdirSync('samples/invalid').map((f) => `samples/invalid/${f}`),
  ];

  it.each(samples)('%s: the XSD worker and the inline XSD agree', async (file) => {
    const a = await collect(file, { xsd: pool, window: 2 });
    const b = await collect(file, { xsd: inlineXsd });
    expect(summary(a)).toEqual(summary(b));
  });

  it('keeps list order with many Documentos in flight', async () => {
    const xml = `<ListaDocumentos>${Array.from({ length: 700 }, (_, i) => documentoXml(validDocumento({ Protocolo: nup(i + 1), Especie: i % 100 === 7 ? '' : 'Processo' }))).join('\n')}</ListaDocumentos>`;
    const events = await collect(Buffer.from(xml), { xsd: pool });
    const docs = events.filter((e) => e.kind === 'documento');
    expect(docs.map((e) => e.record.index)).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
    expect(docs.filter((e) => e.problems.length > 0).map((e) => e.record.index)).toEqual([8, 108, 208, 308, 408, 508, 608]);
  });

  it('normalize mode validates what would be sent: fixable problems go, the rest stays', async () => {
    const events = await collect('samples/invalid/bad-values.xml', { xsd: pool, normalize: {} });
    expect(summary(events)).toEqual([
      '#1 NUP_CHECK_DIGITS@5', // wrong check digits: never guessed
      '#2 XSD_PROTOCOLO_FORMAT@18',
      '#3 DATETIME_OFFSET@32', // no time zone given: not guessed either
      '#3 DATETIME_OFFSET@37',
      '#4 XSD_UNKNOWN_ELEMENT@48', // the tab in Assunto is fixed; Observacao cannot be sent
      '#4 TEXT_BLANK@53',
      '#4 HISTORICO_ORDER@56',
      '#6 PROTOCOLO_DUPLICATE@81', // #5's long texts are cut as the SEI module does
    ]);
    const doc5 = events.find((e) => e.kind === 'documento' && e.record.index === 5);
    expect(doc5?.kind === 'documento' && doc5.changes.map((c) => c.kind)).toEqual(['truncated', 'truncated']);
  });

  it('normalize mode applies a time zone when given one, and lenient lets unknown elements go as warnings', async () => {
    const events = await collect('samples/invalid/bad-values.xml', { xsd: pool, normalize: { timeZone: 'America/Sao_Paulo' }, profile: 'lenient' });
    const invalid = events.filter((e) => e.kind === 'documento' && e.problems.some((p) => p.severity === 'error'));
    expect(invalid.map((e) => e.kind === 'documento' && e.record.index)).toEqual([1, 2, 4, 6]);
    const doc4 = events.find((e) => e.kind === 'documento' && e.record.index === 4);
    expect(doc4?.kind === 'documento' && doc4.problems.map((p) => `${p.code}:${p.severity}`)).toEqual([
      'XSD_UNKNOWN_ELEMENT:warning',
      'TEXT_BLANK:error',
      'HISTORICO_ORDER:warning',
    ]);
  });
});
