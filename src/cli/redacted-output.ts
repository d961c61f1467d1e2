/**
 * The CLI's last line of defence: whatever a command prints on stdout or stderr (a summary, an error,
 * a report on `-`) goes through the redaction of registered secrets. The texts are clean at their
 * source already (the transport redacts every answer); this catches what a future change forgets.
 */

import { redact } from '../redact.js';

type Write = typeof process.stdout.write;

function redacting(stream: NodeJS.WriteStream): void {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string') return original(redact(chunk), ...rest);
    if (chunk instanceof Uint8Array && chunk.length < 1 << 20) {
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
      const clean = redact(text);
      if (clean !== text) return original(clean, ...rest);
    }
    return original(chunk, ...rest);
  };
  stream.write = write as Write;
}

/** Makes every later write to stdout and stderr redact registered secrets. */
export function redactStandardOutputs(): void {
  redacting(process.stdout);
  redacting(process.stderr);
}
