import { readFileSync } from 'node:fs';
import { findOperation, OPERATIONS } from '../src/siafi/operations.js';
import { requisicaoProblems } from '../src/siafi/validate.js';
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../src/cli/sample-spe.js';
import { parseConfig } from '../src/export/config.js';

describe('samples/spe', () => {
  const files = sampleFiles();
  it.each(Object.keys(files))('%s is what `pi-sender sample-spe --samples samples/spe` writes', (name) => {
    expect(readFileSync(new URL(`../samples/spe/${name}`, import.meta.url), 'utf8')).toBe(files[name]);
  });

  it('each configuration loads', () => {
    for (const name of Object.keys(files).filter((n) => n.endsWith('.yaml'))) {
      const file = new URL(`../samples/spe/${name}`, import.meta.url).pathname;
      expect(parseConfig(readFileSync(file, 'utf8'), file, {}).pi.endpoint).toBe('http://127.0.0.1:8080/ProtocoloWS/integradorService');
    }
  });
});

describe('samples/siafi', () => {
  it.each(OPERATIONS.map((o) => [o.alias, o.name] as const))('%s.json is a valid %s', (alias, name) => {
    const value = JSON.parse(readFileSync(new URL(`../samples/siafi/${alias}.json`, import.meta.url), 'utf8')) as unknown;
    expect(requisicaoProblems(findOperation(name), value)).toEqual([]);
  });
  it('invalid-incorporacao.json has the three problems docs/siafi.md shows', () => {
    const value = JSON.parse(readFileSync(new URL('../samples/siafi/invalid-incorporacao.json', import.meta.url), 'utf8')) as unknown;
    expect(requisicaoProblems(findOperation('incorporacao'), value).map((p) => p.code)).toEqual(['SIAFI_BLANK', 'SIAFI_TYPE', 'SIAFI_RESTRICTION']);
  });
});
