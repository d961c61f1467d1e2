#!/usr/bin/env -S node --max-semi-space-size=4
/**
 * The `pi-sender` command: the entry point and nothing else. The program, its commands and the
 * mapping of errors to exit codes are in program.ts, loaded only when the command line is more than
 * `--version` (version.ts answers that one).
 */

import { tuneHeapForStreaming } from './memory.js';
import { redactStandardOutputs } from './redacted-output.js';
import { asksOnlyForVersion, packageVersion } from './version.js';

// `pi-sender list --json | head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

redactStandardOutputs();
if (asksOnlyForVersion(process.argv.slice(2))) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  tuneHeapForStreaming();
  const { runProgram } = await import('./program.js');
  process.exitCode = await runProgram(process.argv);
}
