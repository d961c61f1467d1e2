import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, type Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { CATALOG } from '../../src/i18n/catalog.js';
import { resetLanguage, setLanguage } from '../../src/i18n/language.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { sqliteSpe, writeConfig } from '../helpers/export.js';
import { runInProcess } from '../helpers/in-process.js';
import { simulator, SIM_PASSWORD } from '../helpers/simulator.js';

// The suite pins PI_SENDER_LANG=en; here it is taken away to see what a new user sees.
const PT = { PI_SENDER_LANG: undefined, PI_PASSWORD: SIM_PASSWORD, PI_LOG_LEVEL: 'silent' };
const EN = { ...PT, PI_SENDER_LANG: 'en' };
const DATE_PT = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} [+-]\d{2}:\d{2}/;

let sim: PiSimulator;
let dir: string;
let config: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pi-lang-'));
  sim = await simulator();
  // As a new user would have it: no language anywhere (the file's language: line taken out).
  config = writeConfig({
    type: 'sqlite',
    dir,
    endpoint: sim.url,
    location: sqliteSpe(dir, { processes: 30, invalidEvery: 10 }),
    replace: [[/^language: .*\n/m, '']],
  }).file;
  const run = await runInProcess(['export', '--config', config], PT);
  expect(run.code, run.stderr).toBe(1); // the sample has wrong NUPs on purpose
  expect(run.stderr).toMatch(/^execução 1 da exportação \(janela .* em [\d.]+ s\n {2}lidos: 30 processos/);
});
afterAll(() => sim.close());

describe('the language of the CLI', () => {
  it('speaks Portuguese with no setting: status with the PI words and DD/MM/AAAA HH:MM dates', async () => {
    const r = await runInProcess(['status', '--config', config], PT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^arquivo de estado: .*\npacotes: NI 0 \(Não Integrado\), I \d+ \(Integrado\), EN 3 \(Erro Negocial: 0 recusados pelo PI, 3 inválidos\), FI 0 \(Falha Infra/,
    );
    expect(r.stdout).toMatch(new RegExp(`último envio com sucesso: ${DATE_PT.source} \\(há 0 horas\\)`));
    expect(r.stdout).toMatch(new RegExp(`última execução: nº 1 ok, ${DATE_PT.source}`));
  });

  it('speaks English with PI_SENDER_LANG=en, --lang en before or after the command, or language: en in the file', async () => {
    const en = await runInProcess(['status', '--config', config], EN);
    expect(en.stdout).toMatch(/^state store: .*\npackages: NI 0 \(waiting\), I \d+ \(integrated\)/);
    expect(en.stdout).toMatch(/last successful send: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} -03:00/);
    expect((await runInProcess(['--lang', 'en', 'status', '--config', config], PT)).stdout).toBe(en.stdout);
    expect((await runInProcess(['status', '--lang=en', '--config', config], PT)).stdout).toBe(en.stdout);
    const english = path.join(dir, 'english.yaml');
    writeFileSync(english, `language: en\n${readFileSync(config, 'utf8').replace(/^language: .*$/m, '')}`);
    expect((await runInProcess(['status', '--config', english], PT)).stdout).toBe(en.stdout.replace(config, english));
    // The environment and the flag win over the file, as for every setting.
    const pt = await runInProcess(['status', '--config', english], { ...PT, PI_SENDER_LANG: 'pt-BR' });
    expect(pt.stdout).toContain('pacotes: NI 0');
    expect((await runInProcess(['status', '--config', english, '--lang', 'pt-BR'], PT)).stdout).toContain('pacotes: NI 0');
  });

  it('keeps JSON and exit codes the same in both languages', async () => {
    const first = (JSON.parse((await runInProcess(['list', '--json', '--config', config], PT)).stdout.split('\n')[0]!) as { protocolo: string }).protocolo;
    for (const args of [
      ['status', '--json'],
      ['list', '--json'],
      ['show', first, '--json'],
      ['show', '99999999999999999', '--json'],
      ['resend', '--protocolo', '99999999999999999', '--json'],
    ]) {
      const pt = await runInProcess([...args, '--config', config], PT);
      const en = await runInProcess([...args, '--config', config], EN);
      expect(pt.code, args.join(' ')).toBe(en.code);
      const clean = (s: string): string => s.replace(/"hoursSinceLastSuccess":[\d.]+/, '');
      expect(clean(pt.stdout), args.join(' ')).toBe(clean(en.stdout));
    }
    const invalid = await runInProcess(['validate', path.join(dir, 'missing.xml'), '--json'], PT);
    expect(invalid.code).toBe((await runInProcess(['validate', path.join(dir, 'missing.xml'), '--json'], EN)).code);
  });

  it('says usage errors in Portuguese, with a one-line hint', async () => {
    const r = await runInProcess(['list', '--bogus', '--config', config], PT);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("erro: opção desconhecida '--bogus'\n(veja pi-sender list --help)\n");
    const state = await runInProcess(['list', '--state', 'X', '--config', config], PT);
    expect(state.stderr).toContain("erro: o valor 'X' da opção '--state <state>' é inválido. Valores aceitos: NI, I, EN, FI.");
    const date = await runInProcess(['list', '--since', '31/02/2026', '--config', config], PT);
    expect(date).toMatchObject({ code: 2, stderr: "pi-sender: --since: não é uma data: '31/02/2026' (escreva DD/MM/AAAA ou AAAA-MM-DD)\n" });
    const lang = await runInProcess(['status', '--config', config], { ...PT, PI_SENDER_LANG: 'fr' });
    expect(lang).toMatchObject({ code: 2, stderr: "pi-sender: PI_SENDER_LANG: idioma desconhecido 'fr' (escreva pt-BR ou en)\n" });
  });

  it('writes validation problems in Portuguese, those of the XSD worker too, also when --lang overrides the environment', async () => {
    const file = path.join(ROOT, 'samples', 'invalid', 'bad-values.xml');
    for (const r of [await runInProcess(['validate', file], PT), await runInProcess(['validate', file, '--lang', 'pt-BR'], EN)]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        'bad-values.xml:5: Documento #1 (Protocolo 99991000007202531): NUP_CHECK_DIGITS Protocolo: 99991.000007/2025-31 tem dígitos verificadores 31; o NUP 999910000072025 exige 30',
      );
      // XSD_PROTOCOLO_FORMAT comes from libxml2 in the worker thread.
      expect(r.stdout).toContain("XSD_PROTOCOLO_FORMAT Protocolo: '9999100000720253' tem 16 dígitos; o PI aceita 13, 14, 15, 17 (NUP) ou 21 dígitos");
      expect(r.stdout).toContain('HISTORICO_ORDER [aviso] Historico/ItemHistorico[2]/DataHoraOperacao: é anterior ao ItemHistorico[1]');
      expect(r.stdout).toContain('bad-values.xml: 6 Documentos: 1 válido, 5 inválidos (7 erros, 5 avisos)');
    }
    const en = await runInProcess(['validate', file], EN);
    expect(en.stdout).toContain("XSD_PROTOCOLO_FORMAT Protocolo: '9999100000720253' has 16 digits; the PI accepts");
  });

  it('reads the dates people type, DD/MM/AAAA or AAAA-MM-DD, and prints them back as people write them', async () => {
    const br = await runInProcess(['list', '--since', '01/01/2020', '--config', config], PT);
    const iso = await runInProcess(['list', '--since', '2020-01-01', '--config', config], PT);
    expect(br.code).toBe(0);
    expect(br.stdout).toBe(iso.stdout);
    expect(br.stdout.split('\n')[0]).toMatch(/^id +situação +tent\. +protocolo +alterado +código +mensagem$/);
    expect(br.stdout.split('\n')[1]).toMatch(DATE_PT);
  });
});

describe('init in Portuguese', () => {
  it('writes a configuration commented in Portuguese with language: pt-BR, in English with --lang en', async () => {
    const pt = path.join(dir, 'init-pt.yaml');
    const r = await runInProcess(['init', '--source', 'csv', '--output', pt], PT);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(`escrito ${pt} (fonte csv)`);
    const text = readFileSync(pt, 'utf8');
    expect(text).toMatch(/^# Configuração da exportação do pi-sender/);
    expect(text).toContain("delimiter: ','        # ';' para arquivos de planilhas brasileiras");
    expect(text).toMatch(/^language: pt-BR$/m);
    const en = path.join(dir, 'init-en.yaml');
    await runInProcess(['init', '--source', 'csv', '--output', en, '--lang', 'en'], PT);
    expect(readFileSync(en, 'utf8')).toMatch(/^language: en$/m);
    // Both load: the comments are the only difference besides language:.
    expect((await runInProcess(['check-config', '--config', pt, '--no-pi'], PT)).stdout).toMatch(/^configuração: /);
  });
});

describe('help in Portuguese', () => {
  const enTexts = new Set<string>();
  // What a Portuguese text starts with before its first placeholder (long enough to mean something).
  const ptStarts: string[] = [];
  for (const e of Object.values(CATALOG) as Array<{ en: string; 'pt-BR': string }>) {
    enTexts.add(e.en);
    const start = e['pt-BR'].split('{')[0]!.trim();
    if (start.length >= 6) ptStarts.push(start);
  }

  /** Every command's options and arguments, as each command's module registers them. */
  async function everyCommand(): Promise<Command[]> {
    const all: Command[] = [];
    const walk = (c: Command): void => {
      all.push(c);
      c.commands.forEach(walk);
    };
    for (const entry of COMMANDS) {
      const program = new Command('pi-sender');
      (await entry.load())(program);
      program.commands.forEach(walk);
    }
    return all;
  }

  it('describes every option and argument of every command from the catalog, in Portuguese', async () => {
    setLanguage('pt-BR');
    try {
      const english: string[] = [];
      for (const cmd of await everyCommand()) {
        const items: Array<[string, string]> = [
          ...cmd.options.map((o: Option): [string, string] => [o.flags, o.description]),
          ...cmd.registeredArguments.map((a): [string, string] => [a.name(), a.description]),
        ];
        for (const [name, text] of items) {
          // A text of its own (a flag's parser may add to it) must not be an English catalog text.
          if (!text || enTexts.has(text) || !ptStarts.some((p) => text.startsWith(p))) english.push(`${cmd.name()} ${name}: ${text}`);
        }
      }
      expect(english).toEqual([]);
    } finally {
      resetLanguage();
    }
  });

  it('prints every command --help in Portuguese with no setting, in English with PI_SENDER_LANG=en (the built CLI)', async () => {
    for (const name of ['send', 'export', 'status', 'siafi']) {
      const pt = await runCli([name, '--help'], { env: { PI_SENDER_LANG: '' } });
      expect(pt.code).toBe(0);
      expect(pt.stdout).toMatch(/^Uso: pi-sender /);
      expect(pt.stdout).toContain('Opções:');
      expect(pt.stdout).toContain('mostra a ajuda do comando');
      expect(pt.stdout).not.toMatch(/Usage:|Options:|display help/);
      const en = await runCli([name, '--help'], { env: { PI_SENDER_LANG: 'en' } });
      expect(en.stdout).toMatch(/^Usage: pi-sender /);
    }
    // Log lines too: the level and the message (the built CLI, through pino-pretty).
    const refused = await runCli(
      [
        'send',
        path.join(ROOT, 'samples', 'lista-documentos.xml'),
        '--endpoint',
        'https://127.0.0.1:9/x',
        '--user',
        'u',
        '--retries',
        '2',
        '--retry-delay',
        '1',
      ],
      {
        env: { PI_SENDER_LANG: '', PI_PASSWORD: 'x', PI_LOG_LEVEL: 'info' },
      },
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/AVISO: getQuantidadeMaximaDocumentosPorRequisicao falhou, tentando de novo: https:\/\/127\.0\.0\.1:9: conexão recusada/);
    expect(refused.stderr).toMatch(/^pi-sender: https:\/\/127\.0\.0\.1:9: conexão recusada$/m);
    const top = await runCli(['--help'], { env: { PI_SENDER_LANG: '' } });
    expect(top.stdout).toContain('Códigos de saída:');
    expect(top.stdout.replace(/\s+/g, ' ')).toContain('Envia a movimentação de processos e documentos ao web service do Protocolo Integrado (PI)');
  });
});
