import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_NODE_FLAGS } from '../../src/cli/memory.js';
import { ROOT } from '../helpers/cli.js';

const run = promisify(execFile);

/** The size of the young generation after a burst of short-lived allocation, in MB. */
const YOUNG_AFTER_GARBAGE = `
const v8 = require('node:v8');
let keep = [];
for (let i = 0; i < 3e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 20000) keep = []; }
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(young.space_size / 1048576);
`;

describe('the V8 flags of the pi-sender command', () => {
  it('are the ones its entry point starts Node with', () => {
    const first = readFileSync(path.join(ROOT, 'src', 'cli', 'main.ts'), 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${CLI_NODE_FLAGS.join(' ')}`);
  });

  it('cap the young generation on the Node running the tests, which otherwise grows past it', async () => {
    const young = async (flags: readonly string[]): Promise<number> =>
      Number((await run(process.execPath, [...flags, '-e', YOUNG_AFTER_GARBAGE], { timeout: 60_000 })).stdout);
    const capped = await young(CLI_NODE_FLAGS);
    // Two semi-spaces of 4 MB, and the page V8 may round each one up by.
    expect(capped).toBeLessThanOrEqual(9);
    expect(await young([])).toBeGreaterThan(capped);
  });
});
