/**
 * `pi-sender demo` (what `npm start` runs): a local PI simulator in this process and the upload of the
 * sample list to it, with no configuration, printing the report.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { PiClient } from '../pi/client.js';
import { SoapClient } from '../soap/client.js';
import { HttpTransport } from '../soap/transport.js';
import { startPiSimulator } from '../simulator/pi-simulator.js';
import { uploadFile } from '../upload/upload.js';
import { EXIT } from './exit-codes.js';
import { createLogger } from './logger.js';

const SAMPLE = fileURLToPath(new URL('../../samples/lista-documentos.xml', import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('upload the sample list to a local PI simulator and print the report (what npm start runs)')
    .action(async () => {
      const password = randomBytes(12).toString('base64url');
      const sim = await startPiSimulator({ password, maxDocs: 2 });
      const transport = new HttpTransport({ basicAuth: { user: 'simulador', password } });
      const dir = mkdtempSync(path.join(tmpdir(), 'pi-sender-demo-'));
      try {
        process.stderr.write(`local PI simulator: ${sim.url} (at most 2 Documentos per request)\n`);
        process.stderr.write(`uploading ${path.relative(process.cwd(), SAMPLE)}\n\n`);
        const report = path.join(dir, 'report.jsonl');
        const summary = await uploadFile({
          file: SAMPLE,
          report,
          client: new PiClient(new SoapClient(transport, sim.url)),
          log: createLogger(undefined),
        });
        process.stdout.write(readFileSync(report, 'utf8'));
        process.stderr.write(
          `\n${summary.documentos} Documentos: ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.invalid} invalid, ${summary.failed} failed, in ${summary.batches} batches\n` +
            `the simulator recorded ${sim.accepted.size} Protocolos; try: pi-sender send --help\n`,
        );
        process.exitCode = summary.accepted === summary.documentos ? EXIT.OK : EXIT.INVALID;
      } finally {
        await transport.close();
        await sim.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
