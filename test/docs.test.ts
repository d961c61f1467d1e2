import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../src/standard/problems.js';

const standard = readFileSync(new URL('../docs/data-standard.md', import.meta.url), 'utf8');

describe('docs/data-standard.md', () => {
  it('documents every problem code with its severity', () => {
    for (const [code, info] of Object.entries(PROBLEM_CODES)) {
      const row = standard.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row, code).toContain(`| ${info.severity}`);
    }
  });

  it('mentions no code that does not exist', () => {
    const mentioned = new Set(standard.match(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)?.map((m) => m.slice(1, -1)) ?? []);
    for (const code of mentioned) expect(Object.keys(PROBLEM_CODES), code).toContain(code);
  });
});
