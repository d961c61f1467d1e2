import { describe, it } from 'vitest';
import { expectHugeTextNodeSkipped } from '../helpers/huge-text.js';

describe('reading a huge text node', () => {
  it('skips a single 1 GB text node in bounded memory and reads the next Documento', async () => {
    await expectHugeTextNodeSkipped(1024);
  }, 300_000);
});
