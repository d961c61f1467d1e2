/**
 * The configuration file of the export commands: `--config FILE`, else PI_SENDER_CONFIG, else
 * ./pi-sender.yaml. The commands that only read or change a state store (status, list, show,
 * resend) also take `--store FILE`, for a library's store that has no export configuration.
 */

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { DEFAULT_STALE_AFTER_DAYS, loadConfig, type ExportConfig } from '../export/config.js';
import { DEFAULT_MAX_ATTEMPTS } from '../store/types.js';
import { isValidTimeZone, nowInZone } from '../standard/datetime.js';
import { Store } from '../store/store.js';

export interface ConfigFlags {
  config?: string;
}

export function addConfigOption(cmd: Command): Command {
  return cmd.option('-c, --config <file>', 'the export configuration (else PI_SENDER_CONFIG, else ./pi-sender.yaml)');
}

export function configPath(flags: ConfigFlags): string {
  return flags.config ?? process.env['PI_SENDER_CONFIG'] ?? 'pi-sender.yaml';
}

export function readConfig(flags: ConfigFlags): ExportConfig {
  return loadConfig(configPath(flags));
}

/** Opens the state store a configuration names (creating it when new). */
export function openStore(config: ExportConfig): Store {
  return Store.open(config.store);
}

export interface StoreFlags extends ConfigFlags {
  store?: string;
}

/** What a command that reads a state store needs, from an export configuration or a bare store. */
export interface StoreContext {
  file: string;
  timeZone: string;
  maxAttempts: number;
  staleAfterDays: number;
  open(): Store;
}

/** `--config FILE` or `--store FILE` (a library's state store, which has no export configuration). */
export function addStoreOptions(cmd: Command): Command {
  return addConfigOption(cmd).option(
    '--store <file>',
    "a state store without an export configuration (a library sender's); times in PI_SENDER_TIME_ZONE, default America/Sao_Paulo",
  );
}

export function storeContext(flags: StoreFlags): StoreContext {
  if (flags.store !== undefined) {
    if (flags.config !== undefined) throw new PiSenderError('ERR_USAGE', 'give --config or --store, not both');
    const file = flags.store;
    if (!existsSync(file)) throw new PiSenderError('ERR_CONFIG', `no state store at ${file}`, { file });
    const timeZone = process.env['PI_SENDER_TIME_ZONE'] || 'America/Sao_Paulo';
    if (!isValidTimeZone(timeZone)) throw new PiSenderError('ERR_CONFIG', `PI_SENDER_TIME_ZONE: unknown time zone '${timeZone}'`);
    // The library's defaults (createSender), and the export's for staleness.
    return { file, timeZone, maxAttempts: DEFAULT_MAX_ATTEMPTS, staleAfterDays: DEFAULT_STALE_AFTER_DAYS, open: () => Store.open(file) };
  }
  const config = readConfig(flags);
  return {
    file: config.store,
    timeZone: config.timeZone,
    maxAttempts: config.sending.maxAttempts,
    staleAfterDays: config.alerts.staleAfterDays,
    open: () => openStore(config),
  };
}

/** An ISO instant as local time of the zone, with its offset, for people: `2025-11-22 10:00:00 -03:00`. */
export function when(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return 'never';
  const local = nowInZone(timeZone, Date.parse(iso));
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${local.slice(19)}`;
}

export function hoursSince(iso: string | null | undefined, now = Date.now()): number | null {
  return iso ? (now - Date.parse(iso)) / 3_600_000 : null;
}
