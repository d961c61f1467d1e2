/**
 * One format per stream: readable text by default (coloured only on a terminal, never with NO_COLOR),
 * or JSON Lines with --log-format json, where the summary is a JSON record too.
 */

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers/cli.js';

const ESC = '\u001b[';
const args = ['send', 'samples/invalid/truncated.xml', '--dry-run', '--report', '/dev/null'];

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as an operator at a console does. */
function onTerminal(env: NodeJS.ProcessEnv): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(1);
  return r.stdout;
}

describe('log formats', () => {
  it('not on a terminal: readable text on stderr, summary included, no JSON and no colour', async () => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ERROR: the file ends before <\/ListaDocumentos>: it is incomplete/);
    expect(r.stderr).toContain('dry run of samples/invalid/truncated.xml: nothing sent');
    expect(r.stderr).not.toContain('{"level"');
    expect(r.stderr).not.toContain(ESC);
  });

  it('--log-format json: every stderr line is a JSON record, the summary too', async () => {
    for (const [extra, env] of [
      [['--log-format', 'json'], {}],
      [[], { PI_LOG_FORMAT: 'json' }],
    ] as const) {
      const r = await runCli([...args, ...extra], { env });
      expect(r.code).toBe(1);
      const records = r.stderr
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records[0]).toMatchObject({ level: 50, code: 'XML_TRUNCATED', line: 20 });
      expect(records.at(-1)).toMatchObject({ level: 30, msg: 'upload summary', documentos: 2, invalid: 1, valid: 1, exitCode: 1 });
    }
  });

  it('on a terminal: colour, unless NO_COLOR is set', () => {
    expect(onTerminal({ NO_COLOR: '' })).toContain(`${ESC}31mERROR`);
    const plain = onTerminal({ NO_COLOR: '1' });
    expect(plain).toContain('ERROR: the file ends before');
    for (const colour of [31, 32, 33, 34, 35, 36, 39]) expect(plain).not.toContain(`${ESC}${colour}m`);
  });
});
