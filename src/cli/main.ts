#!/usr/bin/env node
/**
 * The `pi-sender` command. Each command lives in its own file; this one wires them and maps errors to
 * exit codes (see exit-codes.ts).
 */

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_CODES_HELP, exitCodeFor } from './exit-codes.js';
import { registerCheckConfig } from './check-config.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export.js';
import { registerInit } from './init.js';
import { tuneHeapForStreaming } from './memory.js';
import { registerList } from './list.js';
import { registerResend } from './resend.js';
import { registerSampleSpe } from './sample-spe.js';
import { registerShow } from './show.js';
import { registerSiafi } from './siafi.js';
import { registerStatus } from './status.js';
import { registerSend } from './send.js';
import { registerSimulator } from './simulator.js';
import { registerValidate } from './validate.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('pi-sender')
    .description('Send process and document movements to the Protocolo Integrado (PI) web service')
    .version(pkg.version)
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', EXIT_CODES_HELP);
  registerValidate(program);
  registerSend(program);
  registerExport(program);
  registerStatus(program);
  registerList(program);
  registerShow(program);
  registerResend(program);
  registerInit(program);
  registerCheckConfig(program);
  registerSimulator(program);
  registerSiafi(program);
  registerSampleSpe(program);
  registerDemo(program);
  return program;
}

// `pi-sender list --json | head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

async function main(argv: string[]): Promise<void> {
  tuneHeapForStreaming();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end "with an error" in commander's terms; they are a success.
      process.exitCode = err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return;
    }
    const code = exitCodeFor(err);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(code === EXIT.INTERNAL ? `pi-sender: internal error: ${(err as Error)?.stack ?? message}\n` : `pi-sender: ${message}\n`);
    process.exitCode = code;
  }
}

await main(process.argv);
