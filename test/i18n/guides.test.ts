import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { ERROR_CODES } from '../../src/errors.js';
import { PROBLEM_CODES } from '../../src/standard/problems.js';
import { ROOT } from '../helpers/cli.js';

const PT = path.join(ROOT, 'docs', 'pt-BR');
const read = (file: string): string => readFileSync(file, 'utf8');
/** The operator's guides in English, and their Portuguese counterparts. */
const ENGLISH = ['README.md', 'docs/install.md', 'docs/export.md', 'docs/upload.md', 'docs/validate.md', 'docs/errors.md'].map((f) => path.join(ROOT, f));
const PORTUGUESE = readdirSync(PT)
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(PT, f));
const portuguese = PORTUGUESE.map(read).join('\n');

/** Every option pi-sender declares, on any command or subcommand. */
async function declaredOptions(): Promise<Set<string>> {
  const options = new Set<string>(['--help', '--version', '--lang']);
  const walk = (c: Command): void => {
    for (const o of c.options) if (o.long) options.add(o.long);
    c.commands.forEach(walk);
  };
  for (const entry of COMMANDS) {
    const program = new Command('pi-sender');
    (await entry.load())(program);
    program.commands.forEach(walk);
  }
  return options;
}

describe('the guides in Portuguese (docs/pt-BR)', () => {
  it('name every command and every option the English guides name', async () => {
    const options = await declaredOptions();
    const commands = new Set<string>(COMMANDS.map((c) => c.name));
    const missing: string[] = [];
    for (const file of ENGLISH) {
      const text = read(file);
      for (const m of text.matchAll(/pi-sender ([a-z][a-z-]+)/g))
        if (commands.has(m[1]!) && !portuguese.includes(`pi-sender ${m[1]}`)) missing.push(`${path.basename(file)}: pi-sender ${m[1]}`);
      for (const m of text.matchAll(/(?<![\w-])(--[a-z][a-z-]*[a-z])/g))
        if (options.has(m[1]!) && !portuguese.includes(m[1]!)) missing.push(`${path.basename(file)}: ${m[1]}`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('give every error code and every problem code, with what to do', () => {
    const guide = read(path.join(PT, 'problemas.md'));
    for (const code of [...Object.keys(ERROR_CODES), ...Object.keys(PROBLEM_CODES)]) {
      const row = guide.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row!.split('|').filter((c) => c.trim()).length, code).toBeGreaterThanOrEqual(3);
    }
    for (const [code, info] of Object.entries(ERROR_CODES)) expect(guide, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${info.exit} \\|`));
  });

  it('link the English guides, which link them back, and every relative link resolves', () => {
    for (const file of PORTUGUESE) expect(read(file), path.basename(file)).toMatch(/^\*English: \[/m);
    for (const file of ENGLISH) expect(read(file), path.basename(file)).toMatch(/pt-BR\/[A-Za-z-]+\.md/);
    const broken: string[] = [];
    for (const file of [...PORTUGUESE, ...ENGLISH]) {
      for (const m of read(file).matchAll(/\]\(([^)#:]+\.md)(#[^)]*)?\)/g)) {
        if (!existsSync(path.resolve(path.dirname(file), m[1]!))) broken.push(`${path.basename(file)}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('are written in Portuguese: the usual words of the language outnumber English ones', () => {
    for (const file of PORTUGUESE) {
      const words =
        read(file)
          .replace(/```[\s\S]*?```/g, '')
          .toLowerCase()
          .match(/[a-zà-ú]+/g) ?? [];
      const count = (list: string[]): number => words.filter((w) => list.includes(w)).length;
      const pt = count(['de', 'que', 'não', 'para', 'uma', 'com', 'os', 'as', 'do', 'da', 'é', 'ou']);
      const en = count(['the', 'and', 'of', 'to', 'is', 'with', 'that', 'for', 'it']);
      expect(pt, path.basename(file)).toBeGreaterThan(5 * en);
    }
  });
});
