// status, list and show on a state store of 1,000,000 packages (target: each under 100 ms), measured
// as the commands read it: a read-only store opened, the query, closed. Median of 5 runs each.
import { Store } from '../dist/store/store.js';
import { LAST_RUN_AT, largeStore, PACKAGES } from './store-fixture.js';

export function benchStoreCommands(workDir, fmt) {
  const file = largeStore(workDir);
  console.log(`\nstatus, list, show: state store of ${PACKAGES.toLocaleString('en-US')} packages (opened read-only, as the commands do); median of 5`);
  const probe = Store.openReadOnly(file);
  const protocolo = probe.listPackages({ state: 'I', limit: 1 })[0]?.protocolo;
  probe.close();
  // From the fixture's last run, not from today: as the calendar moved past the fixture, "the last 3
  // days" became empty, and a --since that finds nothing scans every package (190 ms instead of 2).
  const staleBefore = new Date(LAST_RUN_AT - 3 * 86_400_000).toISOString();
  const commands = [
    ['status', (s) => [s.status(15), s.staleFailures(staleBefore)]],
    ['list (newest 50)', (s) => s.listPackages({ limit: 50 })],
    ['list --state I', (s) => s.listPackages({ state: 'I', limit: 50 })],
    ['list --state EN', (s) => s.listPackages({ state: 'EN', limit: 50 })],
    ['list --since (3 days)', (s) => s.listPackages({ since: staleBefore, limit: 50 })],
    ['list --protocolo', (s) => s.listPackages({ protocolo, limit: 50 })],
    ['show <protocolo>', (s) => s.packagesOf(protocolo).map((r) => s.attemptsOf(r.id))],
  ];
  let worst = 0;
  for (const [name, run] of commands) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      const store = Store.openReadOnly(file);
      try {
        run(store);
      } finally {
        store.close();
      }
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const median = times.sort((a, b) => a - b)[2];
    worst = Math.max(worst, median);
    console.log(`  ${name.padEnd(24)} ${fmt(median, 1).padStart(7)} ms`);
  }
  console.log(`  slowest ${fmt(worst, 1)} ms (target: each under 100 ms)`);
}
