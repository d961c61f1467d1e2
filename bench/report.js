// The monthly compliance report on a store of 1,000,000 packages and 10,000 runs (target: under 2 s).
import { largeStore, PACKAGES, RUNS } from './store-fixture.js';
import { Store } from '../dist/store/store.js';
import { complianceReport, monthPeriod } from '../dist/report/compliance.js';

export async function benchReport(workDir, fmt) {
  const t0 = Date.now();
  const file = largeStore(workDir);
  const built = (Date.now() - t0) / 1000;
  console.log(
    `\nreport: state store of ${PACKAGES.toLocaleString('en-US')} packages and ${RUNS.toLocaleString('en-US')} runs${built > 1 ? ` (built in ${fmt(built)} s)` : ''}`,
  );
  const store = Store.openReadOnly(file);
  try {
    for (const month of ['2026-06', '2026-11']) {
      const times = [];
      let r;
      for (let i = 0; i < 3; i++) {
        const s = process.hrtime.bigint();
        r = complianceReport(store, monthPeriod(month, 'America/Sao_Paulo'), { now: Date.parse('2026-12-01T12:00:00Z') });
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${month}: ${fmt(times[1], 0)} ms (median of 3; ${r.summary.accepted.toLocaleString('en-US')} Documentos accepted, ${r.summary.runs} runs, worst gap ${r.summary.worstGap?.hours ?? 0} h)`,
      );
    }
  } finally {
    store.close();
  }
  console.log('  target: under 2,000 ms');
}
