import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPiSenderError } from '../../src/errors.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { uploadFile, type UploadOptions } from '../../src/upload/upload.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { writeLista, writeListaSync } from '../helpers/lists.js';
import { clientFor, simulator } from '../helpers/simulator.js';

interface ReportLine {
  index: number;
  line: number;
  protocolo: string | null;
  outcome: string;
  code: string | null;
  attempts: number;
}

let sim: PiSimulator | undefined;
const transports: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await sim?.close();
  sim = undefined;
});

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'pi-upload-'));
const reportOf = (file: string): ReportLine[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReportLine);

async function upload(file: string, options: Partial<UploadOptions> = {}): Promise<ReturnType<typeof uploadFile>> {
  const { client, transport } = clientFor(sim!.url);
  transports.push(transport);
  return uploadFile({ file, client, report: `${file}.report.jsonl`, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, ...options });
}

describe('uploadFile, in process against the simulator', () => {
  it('reports accepted, rejected and invalid Documentos apart, in file order, with their lines', async () => {
    sim = await simulator();
    const file = writeListaSync(path.join(dir(), 'mixed.xml'), [
      validDocumento({ Protocolo: nup(1) }),
      validDocumento({ Protocolo: '99991000007202531' }), // wrong check digits: never sent
      validDocumento({ Protocolo: nup(3), Especie: 'E'.repeat(60) }), // lenient here, strict at the PI
    ]);
    const s = await upload(file, { profile: 'lenient' });
    expect(s).toMatchObject({ documentos: 3, accepted: 1, rejected: 1, invalid: 1, failed: 0, batches: 1, interrupted: false, journal: undefined });
    const lines = reportOf(`${file}.report.jsonl`);
    expect(lines.map((l) => [l.index, l.outcome, l.code])).toEqual([
      [1, 'accepted', null],
      [2, 'invalid', 'NUP_CHECK_DIGITS'],
      [3, 'rejected', 'NF005'],
    ]);
    expect(lines.every((l) => l.line > 2)).toBe(true);
    expect(sim.stats.documentos).toBe(2);
  });

  it('batches by the service maximum and keeps one Protocolo per batch', async () => {
    sim = await simulator({ maxDocs: 3 });
    const file = await writeLista(path.join(dir(), 'ten.xml'), 10);
    const s = await upload(file, { batchSize: 50 });
    expect(s).toMatchObject({ accepted: 10, batchSize: 3, batches: 4 });
    expect(sim.stats.requests).toBe(5); // the batch size, then four batches
  });

  it('a dry run sends nothing and counts the batches it would fill', async () => {
    const file = await writeLista(path.join(dir(), 'seven.xml'), 7);
    const s = await uploadFile({ file, report: `${file}.report.jsonl`, dryRun: true, batchSize: 3 });
    expect(s).toMatchObject({ documentos: 7, valid: 7, batches: 3, journal: undefined });
    expect(reportOf(`${file}.report.jsonl`).map((l) => l.outcome)).toEqual(Array(7).fill('valid'));
  });

  it('refused credentials end the upload before any report is written', async () => {
    sim = await simulator({ password: 'outra' });
    const file = await writeLista(path.join(dir(), 'two.xml'), 2);
    const err = await upload(file).catch((e: unknown) => e);
    expect(isPiSenderError(err, 'ERR_AUTH')).toBe(true);
    expect(existsSync(`${file}.report.jsonl`)).toBe(false);
  });

  it('what still fails after the retries keeps a journal; --resume sends only that', async () => {
    sim = await simulator({ maxDocs: 2, faults: { script: 'ok,503,503' } });
    const file = await writeLista(path.join(dir(), 'four.xml'), 4);
    const first = await upload(file, { concurrency: 1 });
    expect(first).toMatchObject({ accepted: 2, failed: 2 });
    expect(first.journal).toBe(`${file}.report.jsonl.journal`);
    expect(existsSync(first.journal!)).toBe(true);
    const before = sim.stats.documentos;
    const second = await upload(file, { resume: true });
    expect(second).toMatchObject({ accepted: 4, failed: 0, resumed: 2, journal: undefined });
    expect(sim.stats.documentos - before).toBe(2);
    expect(existsSync(first.journal!)).toBe(false);
    // No journal left: a plain upload starts over instead of asking for --resume or --restart.
    await expect(upload(file)).resolves.toMatchObject({ accepted: 4, resumed: 0 });
  });

  it('an interrupt stops between batches, records what was answered, and resumes', async () => {
    sim = await simulator({ maxDocs: 5 });
    const file = await writeLista(path.join(dir(), 'fifty.xml'), 50);
    const controller = new AbortController();
    const s = await upload(file, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.accepted >= 10) controller.abort();
      },
    });
    expect(s.interrupted).toBe(true);
    expect(s.accepted).toBeGreaterThanOrEqual(10);
    expect(s.accepted).toBeLessThan(50);
    expect(reportOf(`${file}.report.jsonl`)).toHaveLength(s.accepted);
    const rest = await upload(file, { resume: true });
    expect(rest).toMatchObject({ accepted: 50, resumed: s.accepted, interrupted: false });
    expect(sim.stats.accepted).toBe(50);
  });
});
