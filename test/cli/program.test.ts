import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const SAMPLE = path.join(ROOT, 'samples', 'lista-documentos.xml');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'pi-cli-inproc-'));

describe('the program: parsing, help and usage errors', () => {
  it('--version prints the package version and exits 0', async () => {
    const r = await runInProcess(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('the command answers --version alone without the program, as the program would', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await runCli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
      expect(await runInProcess([flag])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    }
    expect(await runCli(['--version'], { env: { PI_SENDER_LANG: 'en' } })).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    // What the program refuses, the shortcut does not answer either.
    const badLanguage = await runCli(['--version'], { env: { PI_SENDER_LANG: 'klingon' } });
    expect(badLanguage).toMatchObject({ code: 2, stdout: '' });
    expect(badLanguage.stderr).toContain("PI_SENDER_LANG: idioma desconhecido 'klingon'");
    const withLang = await runCli(['--lang', 'en', '--version']);
    expect(withLang).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const extra = await runCli(['--version', 'send']);
    expect(extra).toMatchObject({ code: (await runInProcess(['--version', 'send'])).code, stdout: `${pkg.version}\n` });
  });

  it('--help lists every command with its description and the exit codes', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`\\n  ${c.name} +\\S`));
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).not.toContain('[arguments...]');
  });

  it("each command's --help is its own: options, arguments and exit codes", async () => {
    const send = await runInProcess(['send', '--help']);
    expect(send.code).toBe(0);
    expect(send.stdout).toContain('Usage: pi-sender send [options] <file>');
    expect(send.stdout).toContain('--password-file <file>');
    expect(send.stdout).toContain('130  interrupted');
    const status = await runInProcess(['siafi', 'status', '--help']);
    expect(status.stdout).toContain('Usage: pi-sender siafi status [options]');
  });

  it('a usage error is one line and a hint, exit 2, never the whole help', async () => {
    for (const [args, message, hint] of [
      [['bogus'], "error: unknown command 'bogus'", '(see pi-sender --help)'],
      [['send'], "error: missing required argument 'file'", '(see pi-sender send --help)'],
      [['validate', '--bogus', SAMPLE], "error: unknown option '--bogus'", '(see pi-sender validate --help)'],
      [['siafi', 'status', '--bogus'], "error: unknown option '--bogus'", '(see pi-sender siafi status --help)'],
      [['send', 'x.xml', '--profile', 'loose'], "error: option '--profile <profile>' argument 'loose' is invalid", '(see pi-sender send --help)'],
    ] as const) {
      const r = await runInProcess([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean), args.join(' ')).toEqual([expect.stringContaining(message), hint]);
    }
  });

  it('a flag that must be a positive integer says so', async () => {
    const r = await runInProcess(['send', SAMPLE, '--dry-run', '--concurrency', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--concurrency must be a positive integer, not '0'");
  });
});

describe('commands in process', () => {
  it('validate: a valid file exits 0 with its summary; problems are FILE:LINE: Documento #N (Protocolo P): CODE', async () => {
    const ok = await runInProcess(['validate', SAMPLE]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('samples/lista-documentos.xml: 5 Documentos: 5 valid, 0 invalid (0 errors, 1 warning)');
    expect(ok.stdout).toMatch(/lista-documentos\.xml:\d+: Documento #2 \(Protocolo 99991000012202542\): CPF_UNMASKED \[warning\] /);
    const quiet = await runInProcess(['validate', '--quiet', SAMPLE]);
    expect(quiet.stdout).not.toContain('CPF_UNMASKED');
  });

  it('validate --json: one JSON object per problem, then a summary; an invalid file exits 1, a missing one 2', async () => {
    const bad = path.join(ROOT, 'samples', 'invalid', 'bad-values.xml');
    const r = await runInProcess(['validate', '--json', bad]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', files: 1, unreadable: 0 });
    expect(lines.some((l) => l['type'] === 'problem' && l['code'] === 'NUP_CHECK_DIGITS' && typeof l['line'] === 'number')).toBe(true);
    const missing = await runInProcess(['validate', path.join(tmp(), 'none.xml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });

  it('send --dry-run needs no endpoint and prints the counts', async () => {
    const dir = tmp();
    const r = await runInProcess(['send', SAMPLE, '--dry-run', '--report', path.join(dir, 'r.jsonl')], { PI_ENDPOINT: undefined, PI_PASSWORD: undefined });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('5 Documentos: 5 valid, 0 invalid');
    expect(readFileSync(path.join(dir, 'r.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('send without a password is a configuration error (exit 2), never a flag', async () => {
    const r = await runInProcess(['send', SAMPLE, '--endpoint', 'http://127.0.0.1:9/x', '--user', 'u'], { PI_PASSWORD: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no password: set PI_PASSWORD or use --password-file (never a flag)');
    const flag = await runInProcess(['send', SAMPLE, '--password', 'x']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--password'");
  });

  it('init writes a configuration once; the export commands name the file they cannot read', async () => {
    const dir = tmp();
    const file = path.join(dir, 'pi-sender.yaml');
    const first = await runInProcess(['init', '--source', 'sqlite', '--output', file]);
    expect(first.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const again = await runInProcess(['init', '--output', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists: use --force to replace it');
    for (const cmd of ['status', 'list', 'show 99991000007202530', 'export']) {
      const r = await runInProcess([...cmd.split(' '), '--config', path.join(dir, 'none.yaml')]);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr, cmd).toContain('cannot read the configuration');
    }
  });

  it('resend needs a Protocolo or a state; list refuses a date it cannot read', async () => {
    const dir = tmp();
    const file = path.join(dir, 'pi-sender.yaml');
    writeFileSync(
      file,
      readFileSync(path.join(ROOT, 'samples', 'spe', 'pi-sender.sqlite.yaml'), 'utf8').replace(/^store: .*$/m, `store: ${path.join(dir, 'state.db')}`),
    );
    expect((await runInProcess(['resend', '--config', file])).code).toBe(2);
    const list = await runInProcess(['list', '--config', file, '--since', 'ontem']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain("--since: not a date: 'ontem'");
    const empty = await runInProcess(['list', '--config', file]);
    expect(empty).toMatchObject({ code: 0, stdout: 'no packages\n' });
  });
});
