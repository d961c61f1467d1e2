import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EWS_CODES } from '../src/siafi/ews.js';
import { OPERATIONS } from '../src/siafi/operations.js';
import { SIAFI_PROBLEM_CODES } from '../src/siafi/validate.js';
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

describe('docs/siafi.md', () => {
  const siafi = readFileSync(new URL('../docs/siafi.md', import.meta.url), 'utf8');
  it('documents every requisition problem code and every EWS code of the table', () => {
    for (const code of Object.keys(SIAFI_PROBLEM_CODES))
      expect(
        siafi.split('\n').some((l) => l.startsWith(`| \`${code}\` |`)),
        code,
      ).toBe(true);
    for (const code of Object.keys(EWS_CODES))
      expect(
        siafi.split('\n').some((l) => l.startsWith(`| ${code} |`)),
        code,
      ).toBe(true);
  });
  it('names every operation with its command', () => {
    for (const op of OPERATIONS) expect(siafi, op.name).toContain(`| \`pi-sender siafi ${op.alias}\` | \`${op.name}\` |`);
  });
});
