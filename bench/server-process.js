// A server script of the bench in its own process, so that its CPU is not the client's.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts `node args…`; resolves with the URL it prints first and a stop function. */
export async function startServer(args, env = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [first] = await once(createInterface({ input: child.stdout }), 'line');
  return { url: first.replace('listening on ', ''), stop: () => child.kill('SIGTERM') };
}

/** The PI that answers Ok! to every Documento from a cache (fixed-server.js). */
export const startFixedServer = () => startServer([path.join(here, 'fixed-server.js')]);
