import { runProgram } from '../../src/cli/program.js';
import type { CliResult } from './cli.js';

/**
 * Runs a `pi-sender` command line in this process, through the same program the CLI builds, with
 * stdout and stderr captured (logs, which pino writes to the file descriptor, are not). Environment
 * variables given are set for the run and restored after it.
 */
export async function runInProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (vars: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  process.stdout.write = ((chunk: string | Uint8Array): boolean => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array): boolean => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await runProgram(args, { from: 'user' });
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    set(saved);
    process.exitCode = undefined;
  }
}
