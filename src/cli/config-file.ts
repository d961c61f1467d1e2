/**
 * The configuration file of the export commands: `--config FILE`, else PI_SENDER_CONFIG, else
 * ./pi-sender.yaml.
 */

import type { Command } from 'commander';
import { loadConfig, type ExportConfig } from '../export/config.js';
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

/** An ISO instant as local time of the zone, for people: `2025-11-22 10:00:00`. */
export function when(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(d);
}

export function hoursSince(iso: string | null | undefined, now = Date.now()): number | null {
  return iso ? (now - Date.parse(iso)) / 3_600_000 : null;
}
