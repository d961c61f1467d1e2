/**
 * Oracle and SQL Server drivers are optional: an agency installs the one it needs
 * (`npm install oracledb` / `npm install mssql`), and it is loaded only when configured.
 */

import { t } from '../../i18n/translate.js';
import type { SqlSourceConfig } from '../config.js';
import { PiSenderError } from '../../errors.js';
import { SqlSource } from './sql-source.js';

/** How an optional driver is loaded; tests pass a fake. */
export type DriverLoader = (name: string, forWhat: string) => Promise<unknown>;

/** A SQL source whose driver is an optional package, loaded on first use. */
export abstract class OptionalDriverSource<D> extends SqlSource {
  private api: D | undefined;

  constructor(
    config: SqlSourceConfig,
    private readonly driverName: string,
    private readonly forWhat: string,
    private readonly load: DriverLoader = loadDriver,
  ) {
    super(config);
  }

  /** The driver's API, whether it came as an ES or a CommonJS module. */
  protected async driver(): Promise<D> {
    if (!this.api) {
      const mod = (await this.load(this.driverName, this.forWhat)) as { default?: D } & D;
      this.api = mod.default ?? mod;
    }
    return this.api;
  }
}

export async function loadDriver<T>(name: string, forWhat: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new PiSenderError('ERR_CONFIG', t('spe.optionalDriver', { forWhat, name }));
    }
    throw err;
  }
}
