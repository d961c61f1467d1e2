/**
 * The configuration file of the export commands: `--config FILE`, else PI_SENDER_CONFIG, else
 * ./pi-sender.yaml. The commands that only read or change a state store (status, list, show,
 * resend) also take `--store FILE`, for a library's store that has no export configuration.
 */

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { formatInstant } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { DEFAULT_STALE_AFTER_DAYS, loadConfig, type ExportConfig } from '../export/config.js';
import { DEFAULT_MAX_ATTEMPTS } from '../store/types.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../standard/datetime.js';
import { Store } from '../store/store.js';

export interface ConfigFlags {
  config?: string;
}

export function addConfigOption(cmd: Command): Command {
  return cmd.option('-c, --config <file>', t('opt.config'));
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
  /** The agency's name (`agency:`, else PI_SENDER_AGENCY), for reports. */
  agency: string | null;
  open(): Store;
  /** The store for reading only: it must exist, and is never written. */
  openReadOnly(): Store;
}

/** `--config FILE` or `--store FILE` (a library's state store, which has no export configuration). */
export function addStoreOptions(cmd: Command): Command {
  return addConfigOption(cmd).option('--store <file>', t('opt.store'));
}

export function storeContext(flags: StoreFlags): StoreContext {
  if (flags.store !== undefined) {
    if (flags.config !== undefined) throw new PiSenderError('ERR_USAGE', t('store.configOrStore'));
    const file = flags.store;
    if (!existsSync(file)) throw new PiSenderError('ERR_CONFIG', t('store.noStore', { file }), { file });
    const timeZone = process.env['PI_SENDER_TIME_ZONE'] || DEFAULT_TIME_ZONE;
    if (!isValidTimeZone(timeZone)) throw new PiSenderError('ERR_CONFIG', t('store.unknownZone', { where: 'PI_SENDER_TIME_ZONE', zone: timeZone }));
    // The library's defaults (createSender), and the export's for staleness.
    return {
      file,
      timeZone,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
      agency: process.env['PI_SENDER_AGENCY'] || null,
      open: () => Store.open(file),
      openReadOnly: () => Store.openReadOnly(file),
    };
  }
  const config = readConfig(flags);
  return {
    file: config.store,
    timeZone: config.timeZone,
    maxAttempts: config.sending.maxAttempts,
    staleAfterDays: config.alerts.staleAfterDays,
    agency: config.agency ?? (process.env['PI_SENDER_AGENCY'] || null),
    open: () => openStore(config),
    openReadOnly: () => {
      if (!existsSync(config.store)) throw new PiSenderError('ERR_CONFIG', t('store.noStore', { file: config.store }), { file: config.store });
      return Store.openReadOnly(config.store);
    },
  };
}

/**
 * An ISO instant as local time of the zone, with its offset, for people: `22/11/2025 10:00 -03:00`
 * in pt-BR, `2025-11-22 10:00:00 -03:00` in English.
 */
export function when(iso: string | null | undefined, timeZone: string): string {
  return formatInstant(iso, timeZone);
}

export function hoursSince(iso: string | null | undefined, now = Date.now()): number | null {
  return iso ? (now - Date.parse(iso)) / 3_600_000 : null;
}
