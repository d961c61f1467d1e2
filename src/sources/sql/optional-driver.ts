/**
 * Oracle and SQL Server drivers are optional: an agency installs the one it needs
 * (`npm install oracledb` / `npm install mssql`), and it is loaded only when configured.
 */

import { PiSenderError } from '../../errors.js';

export async function loadDriver<T>(name: string, forWhat: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new PiSenderError('ERR_CONFIG', `${forWhat} needs the optional driver '${name}': install it with npm install ${name} (see docs/export.md)`);
    }
    throw err;
  }
}
