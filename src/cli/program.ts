/**
 * The commander program of `pi-sender`. Every command is declared here by name and description only;
 * its module (options, help, action, and what they need: SQL drivers, the SMTP client, the XSD
 * engine) is loaded with import() when the command runs, so that `--version`, `--help` or
 * `validate` do not pay for the whole program. {@link buildProgram} is also what the in-process CLI
 * tests drive.
 */

import { Command, CommanderError, Help, type Option } from 'commander';
import { PiSenderError } from '../errors.js';
import { currentLanguage, parseLanguage, resetLanguage, setLanguage } from '../i18n/language.js';
import { t, type MessageKey, type PlainKey } from '../i18n/translate.js';
import { EXIT, exitCodeFor, exitCodesHelp } from './exit-codes.js';
import { packageVersion } from './version.js';

/** A command module's registration: it adds its command (options, help, action) to a program. */
type Register = (program: Command) => void;

interface CommandEntry {
  /** The command's name; its one-line description is the catalog's `command.<name>`. */
  name: CommandName;
  load: () => Promise<Register>;
}

type CommandName = MessageKey extends infer K ? (K extends `command.${infer N}` ? N : never) : never;

function describe(name: CommandName): string {
  return t(`command.${name}`);
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    load: async () => (await import('./validate.js')).registerValidate,
  },
  {
    name: 'send',
    load: async () => (await import('./send.js')).registerSend,
  },
  {
    name: 'export',
    load: async () => (await import('./export.js')).registerExport,
  },
  {
    name: 'status',
    load: async () => (await import('./status.js')).registerStatus,
  },
  { name: 'list', load: async () => (await import('./list.js')).registerList },
  {
    name: 'show',
    load: async () => (await import('./show.js')).registerShow,
  },
  {
    name: 'resend',
    load: async () => (await import('./resend.js')).registerResend,
  },
  { name: 'report', load: async () => (await import('./report.js')).registerReport },
  { name: 'console', load: async () => (await import('./console.js')).registerConsole },
  {
    name: 'alerts',
    load: async () => (await import('./alerts.js')).registerAlerts,
  },
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  {
    name: 'check-config',
    load: async () => (await import('./check-config.js')).registerCheckConfig,
  },
  {
    name: 'simulator',
    load: async () => (await import('./simulator.js')).registerSimulator,
  },
  {
    name: 'siafi',
    load: async () => (await import('./siafi.js')).registerSiafi,
  },
  {
    name: 'sample-spe',
    load: async () => (await import('./sample-spe.js')).registerSampleSpe,
  },
  {
    name: 'demo',
    load: async () => (await import('./demo.js')).registerDemo,
  },
];

const VERSION = packageVersion();

function baseProgram(): Command {
  return (
    new Command('pi-sender')
      .description(t('program.description'))
      .version(VERSION, '-V, --version', t('program.version'))
      .helpOption('-h, --help', t('program.help'))
      .helpCommand('help [command]', t('help.helpCommand'))
      .option('--lang <language>', t('program.lang'))
      .showHelpAfterError(t('program.seeHelp', { command: 'pi-sender' }))
      .exitOverride()
      .addHelpText('after', exitCodesHelp())
      .configureOutput({ outputError: (text, write) => write(localizeUsageError(text)) })
      // The stubs take any arguments: list each command by its name (its own --help shows its usage).
      .configureHelp({ ...LOCALIZED_HELP, subcommandTerm: (cmd) => cmd.name() })
  );
}

const HEADINGS: Record<string, PlainKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
};

/** Commander's own words in its help (headings, "default:", "choices:"), in the current language. */
const LOCALIZED_HELP: Partial<Help> = {
  styleTitle: (title: string) => (HEADINGS[title] ? t(HEADINGS[title]) : title),
  optionDescription(this: Help, option: Option): string {
    const text = Help.prototype.optionDescription.call(this, option);
    if (currentLanguage() === 'en' || !text.endsWith(')')) return text;
    const open = option.description ? option.description.length : 0;
    const extra = text
      .slice(open)
      .replace(/\bchoices: /, `${t('help.choices', { values: '' })}`)
      .replace(/\bdefault: /, `${t('help.default', { value: '' })}`)
      .replace(/\benv: /, `${t('help.env', { name: '' })}`);
    return text.slice(0, open) + extra;
  },
};

/** Commander's usage errors (its sentences are English), in the current language. */
function localizeUsageError(text: string): string {
  if (currentLanguage() === 'en') return text;
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^error: unknown option '([^']*)'/, (m) => t('usage.unknownOption', { option: m[1]! })],
    [/^error: unknown command '([^']*)'/, (m) => t('usage.unknownCommand', { command: m[1]! })],
    [/^error: missing required argument '([^']*)'/, (m) => t('usage.missingArgument', { name: m[1]! })],
    [/^error: option '([^']*)' argument missing/, (m) => t('usage.optionArgumentMissing', { option: m[1]! })],
    [/^error: required option '([^']*)' not specified/, (m) => t('usage.requiredOption', { option: m[1]! })],
    [
      /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./,
      (m) => t('usage.invalidChoice', { option: m[1]!, value: m[2]!, choices: m[3]! }),
    ],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\. (.*)/, (m) => t('usage.invalidArgument', { option: m[1]!, value: m[2]!, reason: m[3]! })],
    [/^error: (.*) cannot be used with (.*)/, (m) => t('usage.conflict', { first: m[1]!, second: m[2]! })],
    [
      /^error: too many arguments(.*?)\. Expected (\d+) arguments? but got (\d+)\./,
      (m) => t('usage.tooManyArguments', { context: m[1]!.replace(' for ', ' para '), expected: m[2]!, received: m[3]! }),
    ],
  ];
  return text
    .split('\n')
    .map((line) => {
      const suggestion = /^\(Did you mean (.*)\?\)$/.exec(line);
      if (suggestion) return t('usage.didYouMean', { suggestion: suggestion[1]! });
      for (const [pattern, make] of rules) {
        const m = pattern.exec(line);
        if (m) return make(m) + line.slice(m[0].length);
      }
      return line.replace(/^error: /, 'erro: ');
    })
    .join('\n');
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
      .description(describe(entry.name))
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument('[arguments...]')
      .action(async (_args: string[], _flags: unknown, stub: Command) => {
        const register = await entry.load();
        const real = baseProgram();
        register(real);
        const command = real.commands.find((c) => c.name() === entry.name);
        command?.description(describe(entry.name));
        if (command) hintAfterErrors(command, `pi-sender ${entry.name}`);
        await real.parseAsync([entry.name, ...stub.args], { from: 'user' });
      });
  }
  return program;
}

/** After a usage error, one line that says where the help is, not the whole help. */
function hintAfterErrors(command: Command, path: string): void {
  command.showHelpAfterError(t('program.seeHelp', { command: path }));
  for (const sub of command.commands) hintAfterErrors(sub, `${path} ${sub.name()}`);
}

/**
 * Runs a command line (`argv` as process.argv gives it, or the arguments alone with `from: 'user'`)
 * and returns its exit code; an error is printed on stderr as one line (with the stack only for an
 * internal error, a bug).
 */
export async function runProgram(argv: readonly string[], options: { from?: 'node' | 'user' } = {}): Promise<number> {
  process.exitCode = undefined;
  const from = options.from ?? 'node';
  try {
    // --lang is read before anything is built: the help texts are made in the language it names.
    const args = takeLanguage(from === 'node' ? argv.slice(2) : [...argv]);
    await buildProgram().parseAsync(args, { from: 'user' });
    return Number(process.exitCode ?? EXIT.OK);
  } catch (err) {
    // Help and version end "with an error" in commander's terms; they are a success.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    const code = exitCodeFor(err);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      code === EXIT.INTERNAL ? `pi-sender: ${t('program.internalError', { detail: (err as Error)?.stack ?? message })}\n` : `pi-sender: ${message}\n`,
    );
    return code;
  }
}

/**
 * Sets the language from `--lang X` / `--lang=X` (anywhere before `--`, on the program or a
 * command) or PI_SENDER_LANG, and returns the arguments without `--lang`.
 */
function takeLanguage(args: string[]): string[] {
  resetLanguage();
  const env = process.env['PI_SENDER_LANG'];
  if (env && !parseLanguage(env)) throw new PiSenderError('ERR_USAGE', t('program.unknownLanguage', { where: 'PI_SENDER_LANG', value: env }));
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const inline = arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (arg !== '--lang' && inline === undefined) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[++i];
    const language = value === undefined ? undefined : parseLanguage(value);
    if (!language) throw new PiSenderError('ERR_USAGE', t('program.unknownLanguage', { where: '--lang', value: value ?? '' }));
    setLanguage(language);
  }
  return rest;
}
