/**
 * The commander program of `pi-sender`. Every command is declared here by name and description only;
 * its module (options, help, action, and what they need: SQL drivers, the SMTP client, the XSD
 * engine) is loaded with import() when the command runs, so that `--version`, `--help` or
 * `validate` do not pay for the whole program. {@link buildProgram} is also what the in-process CLI
 * tests drive.
 */

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_CODES_HELP, exitCodeFor } from './exit-codes.js';

/** A command module's registration: it adds its command (options, help, action) to a program. */
type Register = (program: Command) => void;

interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<Register>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    description: 'check ListaDocumentos XML files against the Protocolo Integrado data standard, without sending',
    load: async () => (await import('./validate.js')).registerValidate,
  },
  {
    name: 'send',
    description: 'upload a ListaDocumentos XML file to the Protocolo Integrado, with a report line per Documento',
    load: async () => (await import('./send.js')).registerSend,
  },
  {
    name: 'export',
    description: 'read what changed in the SPE, send it to the Protocolo Integrado, record every outcome (one run, or on a schedule)',
    load: async () => (await import('./export.js')).registerExport,
  },
  {
    name: 'status',
    description: 'packages per state, last successful send, oldest pending item; warns past 48 h without a success',
    load: async () => (await import('./status.js')).registerStatus,
  },
  { name: 'list', description: 'list packages (newest first) by state, Protocolo or date', load: async () => (await import('./list.js')).registerList },
  {
    name: 'show',
    description: "show a Protocolo's packages: state, answer, problems and the Documento XML",
    load: async () => (await import('./show.js')).registerShow,
  },
  {
    name: 'resend',
    description: 'send again on the next export: the packages of a Protocolo, or every package in a state',
    load: async () => (await import('./resend.js')).registerResend,
  },
  {
    name: 'alerts',
    description: 'alerts: test sends a test message through every configured channel',
    load: async () => (await import('./alerts.js')).registerAlerts,
  },
  { name: 'init', description: 'write a commented export configuration to start from', load: async () => (await import('./init.js')).registerInit },
  {
    name: 'check-config',
    description: 'check the configuration, the SPE connection, a sample of mapped Documentos, the PI credentials and the alert channels; sends nothing',
    load: async () => (await import('./check-config.js')).registerCheckConfig,
  },
  {
    name: 'simulator',
    description: 'run a local Protocolo Integrado web service (for trying pi-sender and for tests)',
    load: async () => (await import('./simulator.js')).registerSimulator,
  },
  {
    name: 'siafi',
    description: 'send requisitions to the Novo SIAFI integrarSistemaSPUNet service (STN); see docs/siafi.md',
    load: async () => (await import('./siafi.js')).registerSiafi,
  },
  {
    name: 'sample-spe',
    description: 'write the sample SPE database (for trying the export job): a SQLite file, or SQL for PostgreSQL or MariaDB',
    load: async () => (await import('./sample-spe.js')).registerSampleSpe,
  },
  {
    name: 'demo',
    description: 'export the sample SPE to a local PI simulator and print the status (what npm start runs); --upload: upload the sample file instead',
    load: async () => (await import('./demo.js')).registerDemo,
  },
];

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function baseProgram(): Command {
  return (
    new Command('pi-sender')
      .description('Send process and document movements to the Protocolo Integrado (PI) web service')
      .version(pkg.version)
      .showHelpAfterError('(see pi-sender --help)')
      .exitOverride()
      .addHelpText('after', EXIT_CODES_HELP)
      // The stubs take any arguments: list each command by its name (its own --help shows its usage).
      .configureHelp({ subcommandTerm: (cmd) => cmd.name() })
  );
}

/**
 * The program with every command declared. Running one loads its module, registers the real
 * command on a program of its own and hands it the rest of the command line, options and help
 * included.
 */
export function buildProgram(): Command {
  const program = baseProgram();
  for (const entry of COMMANDS) {
    program
      .command(entry.name)
      .description(entry.description)
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument('[arguments...]')
      .action(async (_args: string[], _flags: unknown, stub: Command) => {
        const register = await entry.load();
        const real = baseProgram();
        register(real);
        const command = real.commands.find((c) => c.name() === entry.name);
        command?.description(entry.description);
        if (command) hintAfterErrors(command, `pi-sender ${entry.name}`);
        await real.parseAsync([entry.name, ...stub.args], { from: 'user' });
      });
  }
  return program;
}

/** After a usage error, one line that says where the help is, not the whole help. */
function hintAfterErrors(command: Command, path: string): void {
  command.showHelpAfterError(`(see ${path} --help)`);
  for (const sub of command.commands) hintAfterErrors(sub, `${path} ${sub.name()}`);
}

/**
 * Runs a command line (`argv` as process.argv gives it, or the arguments alone with `from: 'user'`)
 * and returns its exit code; an error is printed on stderr as one line (with the stack only for an
 * internal error, a bug).
 */
export async function runProgram(argv: readonly string[], options: { from?: 'node' | 'user' } = {}): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync(argv, { from: options.from ?? 'node' });
    return Number(process.exitCode ?? EXIT.OK);
  } catch (err) {
    // Help and version end "with an error" in commander's terms; they are a success.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    const code = exitCodeFor(err);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(code === EXIT.INTERNAL ? `pi-sender: internal error: ${(err as Error)?.stack ?? message}\n` : `pi-sender: ${message}\n`);
    return code;
  }
}
