import { describe, expect, it } from 'vitest';
import { parseSiafiScript } from '../../src/simulator/siafi-simulator.js';

describe('the SIAFI simulator script', () => {
  it('parses behaviours and repeats, and refuses unknown ones', () => {
    expect(parseSiafiScript('ok, indefinidox2,delay=250,stuck')).toEqual(['ok', 'indefinido', 'indefinido', { delayMs: 250 }, 'stuck']);
    expect(() => parseSiafiScript('ok,explode')).toThrow(/unknown SIAFI simulator behaviour 'explode' \(use ok, indefinido, .*delay=MS\)/);
  });
});
