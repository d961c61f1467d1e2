import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLista } from '../../src/standard/validate-stream.js';
import { runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { writeLista } from '../helpers/lists.js';

const LINE =
  /^(?<file>[^:]+):(?<line>\d+):(?:(?<column>\d+):)?(?: Documento #(?<doc>\d+) \(Protocolo (?<protocolo>[^)]*)\):)? (?<code>[A-Z0-9_]+)(?<warn> \[warning\])? (?<message>.+)$/;

function problems(stdout: string): Array<Record<string, string | undefined>> {
  return stdout
    .trim()
    .split('\n')
    .filter((l) => LINE.test(l))
    .map((l) => LINE.exec(l)!.groups!);
}

describe('pi-sender validate', () => {
  it('accepts the valid sample: exit 0, warnings printed in the documented format', async () => {
    const r = await runCli(['validate', 'samples/lista-documentos.xml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'samples/lista-documentos.xml:51: Documento #2 (Protocolo 99991000012202542): CPF_UNMASKED [warning] ListaInteressados/Interessado[1]/NomeInteressado: contains a valid CPF in full (at character 22); send masks it as the SEI module does\n' +
        'samples/lista-documentos.xml: 5 Documentos: 5 valid, 0 invalid (0 errors, 1 warning)\n',
    );
    expect(r.stdout).not.toContain('123.456.789-09');
  });

  it('--as-written: reports every problem of an invalid file with file, line, Documento, Protocolo and code: exit 1', async () => {
    const r = await runInProcess(['validate', '--as-written', 'samples/invalid/bad-values.xml']);
    expect(r.code).toBe(1);
    expect(problems(r.stdout).map((p) => `${p.line} #${p.doc} ${p.code}`)).toEqual([
      '5 #1 NUP_CHECK_DIGITS',
      '18 #2 XSD_PROTOCOLO_FORMAT',
      '32 #3 DATETIME_OFFSET',
      '37 #3 DATETIME_OFFSET',
      '47 #4 CONTROL_CHARACTER',
      '48 #4 XSD_UNKNOWN_ELEMENT',
      '53 #4 TEXT_BLANK',
      '56 #4 HISTORICO_ORDER',
      '69 #5 NOME_INTERESSADO_LENGTH',
      '75 #5 UNIDADE_OPERACAO_LENGTH',
      '81 #6 PROTOCOLO_DUPLICATE',
    ]);
    expect(r.stdout).toContain('6 Documentos: 0 valid, 6 invalid (10 errors, 1 warning)');
  });

  it.each([
    ['wrong-order.xml', ['7 #1 XSD_ORDER']],
    ['truncated.xml', ['20 #2 XML_TRUNCATED', '20 - XML_TRUNCATED']],
    ['wrong-root.xml', ['3:13 - XML_ROOT']],
    ['xxe.xml', ['3 - XML_DOCTYPE']],
    ['billion-laughs.xml', ['3 - XML_DOCTYPE']],
    ['invalid-utf8.xml', ['42 #2 UTF8_INVALID']],
  ])('--as-written samples/invalid/%s: %j', async (file, expected) => {
    const r = await runInProcess(['validate', '--as-written', `samples/invalid/${file}`]);
    expect(r.code).toBe(1);
    expect(problems(r.stdout).map((p) => `${p.line}${p.column ? `:${p.column}` : ''} ${p.doc ? `#${p.doc}` : '-'} ${p.code}`)).toEqual(expected);
  });

  it('covers every sample: the valid ones pass, every file in samples/invalid fails as written', async () => {
    const valid = readdirSync('samples')
      .filter((f) => f.endsWith('.xml'))
      .map((f) => `samples/${f}`);
    const invalid = readdirSync('samples/invalid').filter((f) => f.endsWith('.xml'));
    expect(valid.length).toBeGreaterThanOrEqual(2);
    expect((await runInProcess(['validate', ...valid])).code).toBe(0);
    for (const f of invalid) expect((await runInProcess(['validate', '--as-written', '-q', `samples/invalid/${f}`])).code, f).toBe(1);
  });

  it('judges a file as send will send it: what send fixes is a warning that says so; the verdict is the same', async () => {
    const r = await runInProcess(['validate', 'samples/invalid/bad-values.xml']);
    expect(r.code).toBe(1);
    expect(problems(r.stdout).map((p) => `${p.line} #${p.doc} ${p.code}${p.warn ?? ''}`)).toEqual([
      '5 #1 NUP_CHECK_DIGITS',
      '18 #2 XSD_PROTOCOLO_FORMAT',
      '32 #3 DATETIME_OFFSET',
      '37 #3 DATETIME_OFFSET',
      '47 #4 CONTROL_CHARACTER [warning]',
      '48 #4 XSD_UNKNOWN_ELEMENT',
      '53 #4 NORMALIZED [warning]',
      '53 #4 TEXT_BLANK',
      '56 #4 HISTORICO_ORDER [warning]',
      '69 #5 NOME_INTERESSADO_LENGTH [warning]',
      '75 #5 UNIDADE_OPERACAO_LENGTH [warning]',
      '81 #6 PROTOCOLO_DUPLICATE',
    ]);
    expect(r.stdout).toContain('Assunto: contains the control character U+0009 (a tab); send turns line breaks and tabs into spaces');
    expect(r.stdout).toContain('has 314 characters; the limit is 300; send cuts it, ending in ...');
    expect(r.stdout).toContain('6 Documentos: 1 valid, 5 invalid (7 errors, 5 warnings)');
    const order = await runInProcess(['validate', 'samples/invalid/wrong-order.xml']);
    expect(order.code).toBe(0);
    expect(problems(order.stdout).map((p) => `${p.line} ${p.code}${p.warn ?? ''} ${p.message}`)).toEqual([
      '4 NORMALIZED [warning] Documento: its elements are not in the order of the standard; send writes them in order',
    ]);
  });

  it('validate, send --dry-run and the send report give the same counts and the same lines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-val-'));
    const report = path.join(dir, 'r.jsonl');
    // And a list of several parts, read by worker threads.
    const big = await writeLista(path.join(dir, 'big.xml'), 1500, (d, i) => (i % 400 === 3 ? { ...d, Especie: '' } : d));
    for (const file of ['samples/invalid/bad-values.xml', 'samples/lista-documentos.xml', 'samples/invalid/truncated.xml', big]) {
      const v = await runInProcess(['validate', '--json', file]);
      const events = v.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; documento: number | null; severity: string; line: number; valid: number; invalid: number });
      const summary = events.at(-1)!;
      const firstError = new Map<number, number>();
      for (const e of events)
        if (e.type === 'problem' && e.severity === 'error' && e.documento !== null && !firstError.has(e.documento)) firstError.set(e.documento, e.line);
      await runInProcess(['send', file, '--dry-run', '--report', report, '--restart']);
      const lines = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { index: number; line: number; outcome: string });
      expect(lines.filter((l) => l.outcome === 'valid').length, file).toBe(summary.valid);
      expect(lines.filter((l) => l.outcome === 'invalid').length, file).toBe(summary.invalid);
      for (const l of lines.filter((x) => x.outcome === 'invalid')) expect(l.line, `${file} #${l.index}`).toBe(firstError.get(l.index));
    }
  });

  it('a list of many parts, read by worker threads, gets the problems, lines and Documento numbers of one reader', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-val-'));
    // 2,500 Documentos (about 3 MB: 23 parts); a few broken, and #7's Protocolo repeated in its part and in a later one.
    const file = await writeLista(path.join(dir, 'big.xml'), 2500, (d, i) =>
      i % 600 === 7 ? { ...d, Especie: '' } : i === 2222 ? { ...d, Protocolo: '99991000007202530' } : i === 9 ? { ...d, Protocolo: '99991000007202530' } : d,
    );
    const expected: string[] = [];
    for await (const ev of validateLista(file, { normalize: {}, reportChanges: true })) {
      if (ev.kind === 'problem') expected.push(`list ${ev.problem.line} ${ev.problem.code} ${ev.problem.message}`);
      else for (const p of ev.problems) expected.push(`${ev.record.index} ${p.line} ${p.code} ${p.severity} ${p.message}`);
    }
    const r = await runInProcess(['validate', '--json', file]);
    expect(r.code).toBe(1);
    const events = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            documento: number | null;
            line: number;
            code: string;
            severity: string;
            message: string;
            valid: number;
            invalid: number;
          },
      );
    const got = events.filter((e) => e.type === 'problem').map((e) => `${e.documento} ${e.line} ${e.code} ${e.severity} ${e.message}`);
    expect(got).toEqual(expected);
    expect(got.filter((l) => l.includes('PROTOCOLO_DUPLICATE')).map((l) => l.split(' ')[0])).toEqual(['9', '2222']);
    expect(events.at(-1)).toMatchObject({ type: 'summary', documentos: 2500, invalid: 7, valid: 2493 });
  });

  it('relaxes the unknown constraints with --profile lenient', async () => {
    expect((await runInProcess(['validate', '--profile', 'lenient', 'samples/invalid/wrong-order.xml'])).code).toBe(0);
    const r = await runInProcess(['validate', '--profile', 'lenient', 'samples/invalid/bad-values.xml']);
    expect(
      problems(r.stdout)
        .filter((p) => p.code === 'DATETIME_OFFSET')
        .map((p) => p.warn),
    ).toEqual([' [warning]', ' [warning]']);
  });

  it('prints JSON Lines with --json, ending with a summary', async () => {
    const r = await runInProcess(['validate', '--as-written', '--json', 'samples/invalid/bad-values.xml', 'samples/lista-documentos.xml']);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({
      type: 'problem',
      file: 'samples/invalid/bad-values.xml',
      line: 5,
      documento: 1,
      protocolo: '99991000007202531',
      field: 'Protocolo',
      code: 'NUP_CHECK_DIGITS',
      severity: 'error',
      message: 'Protocolo: 99991.000007/2025-31 has check digits 31; the NUP 999910000072025 needs 30',
    });
    expect(lines.at(-1)).toEqual({ type: 'summary', files: 2, unreadable: 0, documentos: 11, valid: 5, invalid: 6, errors: 10, warnings: 2 });
  });

  it('hides warnings with --quiet', async () => {
    const r = await runInProcess(['validate', '--quiet', 'samples/lista-documentos.xml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('samples/lista-documentos.xml: 5 Documentos: 5 valid, 0 invalid (0 errors, 1 warning)\n');
  });

  it('exits 2 for an unreadable file and still validates the others', async () => {
    const r = await runInProcess(['validate', 'samples/lista-documentos.xml', 'samples/nao-existe.xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('samples/nao-existe.xml: cannot read samples/nao-existe.xml: ENOENT');
    expect(r.stdout).toContain('total: 2 files (1 unreadable), 5 Documentos');
  });

  it('exits 2 on usage errors and 0 on --help, which lists the exit codes', async () => {
    expect((await runInProcess(['validate'])).code).toBe(2);
    expect((await runInProcess(['validate', '--profile', 'loose', 'x.xml'])).code).toBe(2);
    expect((await runInProcess(['validate', '--nope', 'x.xml'])).code).toBe(2);
    expect((await runInProcess(['frobnicate'])).code).toBe(2);
    const help = await runInProcess(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('FILE:LINE: Documento #N (Protocolo P): CODE message');
    expect(help.stdout).toMatch(/1 +some Documentos invalid/);
  });
});
