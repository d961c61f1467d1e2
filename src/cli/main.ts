#!/usr/bin/env -S node --max-semi-space-size=4
/**
 * The `pi-sender` command: the entry point and nothing else. The program, its commands and the
 * mapping of errors to exit codes are in program.ts.
 */

import { tuneHeapForStreaming } from './memory.js';
import { runProgram } from './program.js';
import { redactStandardOutputs } from './redacted-output.js';

// `pi-sender list --json | head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

redactStandardOutputs();
tuneHeapForStreaming();
process.exitCode = await runProgram(process.argv);
