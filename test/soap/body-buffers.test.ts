import { describe, expect, it } from 'vitest';
import { BodyBuffers } from '../../src/soap/body-buffers.js';

describe('BodyBuffers', () => {
  const parts = ['<a>', 'ação', 'São Paulo 😀', '\ud800', '</a>'];

  it('encodes the fragments as UTF-8, exactly their bytes', () => {
    const body = new BodyBuffers().encode(parts);
    expect(body.equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('takes fragments already in UTF-8 as they are, between text fragments', () => {
    const bytes = Buffer.from('<b>ação 😀</b>', 'utf8');
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const body = new BodyBuffers().encode(['<a>', view, 'São', view.subarray(0, 3), '</a>']);
    expect(body.toString('utf8')).toBe('<a><b>ação 😀</b>São<b></a>');
  });

  it('gives a released buffer to the next body, and never one still in use', () => {
    const pool = new BodyBuffers();
    const first = pool.encode(['x'.repeat(1000)]);
    const second = pool.encode(['y'.repeat(10)]);
    expect(second.buffer).not.toBe(first.buffer);
    expect(first.toString()).toBe('x'.repeat(1000));
    pool.release(first);
    const third = pool.encode(parts);
    expect(third.buffer).toBe(first.buffer);
    expect(third.equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
    expect(second.toString()).toBe('y'.repeat(10));
  });

  it('a body larger than the buffers kept gets its own; a very large one is not kept', () => {
    const pool = new BodyBuffers();
    const small = pool.encode(['a']);
    pool.release(small);
    const big = pool.encode(['b'.repeat(600 * 1024)]);
    expect(big.buffer).not.toBe(small.buffer);
    expect(big.length).toBe(600 * 1024);
    const huge = pool.encode(['c'.repeat(9 * 1024 * 1024)]);
    pool.release(huge);
    pool.release(big);
    expect(pool.encode(['d'.repeat(100)]).buffer).toBe(big.buffer);
    expect(pool.encode(['d'.repeat(100)]).buffer).toBe(small.buffer);
    expect(pool.encode(['d'.repeat(100)]).buffer).not.toBe(huge.buffer);
  });
});
