import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { Store } from '../../src/store/store.js';
import { runCli, spawnCli, waitFor } from '../helpers/cli.js';
import { addMovements, expectedItems, recordedItems, sqliteSpe, writeConfig } from '../helpers/export.js';
import { simulator, SIM_PASSWORD } from '../helpers/simulator.js';
import { sqlDb } from '../helpers/sqlite.js';

let sim: PiSimulator | undefined;
afterAll(() => sim?.close());

describe('export job under kill -9', () => {
  it('runs killed at random moments until 20 kills landed, each followed by a rerun: every item recorded once, the store all I', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-crash-'));
    const record = path.join(dir, 'record.jsonl');
    const spe = sqliteSpe(dir, { processes: 600 });
    // Slow enough answers that a kill lands while batches are in flight, not only before or after.
    const pi = await simulator({ record, maxDocs: 20, faults: { delayMs: [5, 40], seed: 11 } });
    sim = pi;
    const { file, config } = writeConfig({ type: 'sqlite', dir, endpoint: pi.url, location: spe });
    const env = { PI_PASSWORD: SIM_PASSWORD, PI_LOG_LEVEL: 'error' };
    let killedWhileRunning = 0;
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // A run may end before its kill on a fast machine: it still counts as a run followed by a rerun, and
    // the loop goes on until enough kills landed (or fails below if the runs never last long enough).
    for (let i = 0; killedWhileRunning < 20 && i < 50; i++) {
      if (i > 0) addMovements(spe, 40);
      const run = spawnCli(['export', '--config', file], { env });
      if (i % 2 === 0) {
        // Anywhere in the run: start-up, reading the SPE, writing the store, sending.
        await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 500)));
      } else {
        // While batches are in flight: a run that reads little would otherwise end before the kill.
        const before = pi.stats.requests;
        await waitFor(() => pi.stats.requests > before || run.child.exitCode !== null, 20_000, 'the export to reach the PI');
        await new Promise((r) => setTimeout(r, Math.floor(random() * 60)));
      }
      if (run.child.exitCode === null) {
        killedWhileRunning++;
        run.child.kill('SIGKILL');
      }
      await run.done;
      const rerun = await runCli(['export', '--config', file], { env });
      expect(rerun.code, rerun.stderr).toBe(0);
    }
    expect(killedWhileRunning).toBe(20);
    expect(recordedItems(record)).toEqual(expectedItems(spe));
    const store = Store.open(config.store);
    const status = store.status(config.sending.maxAttempts);
    store.close();
    expect(status.counts).toEqual({ NI: 0, I: status.counts.I, EN: 0, FI: 0 });
    // status's counts (I as what the others leave of all packages) are those of the rows.
    expect(sqlDb(config.store).prepare('SELECT count(*) AS n FROM packages').get()).toEqual({ n: status.counts.I });
    expect(sqlDb(config.store).prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: status.items });
    // Every published movement of the SPE is in the store once: none lost to a kill, none twice.
    const published = [...expectedItems(spe).values()].reduce((a, b) => a + b, 0);
    expect(status.items).toBe(published);
  }, 240_000);
});
