// Every console page on a store of 1,000,000 packages and 10,000 runs (target: each under 300 ms).
import { request } from 'undici';
import { LAST_RUN_AT, largeStore, PACKAGES, RUNS } from './store-fixture.js';
import { startConsole } from '../dist/console/server.js';
import { silentLogger } from '../dist/logging.js';

export async function benchConsole(workDir, fmt) {
  const file = largeStore(workDir);
  console.log(`\nconsole: state store of ${PACKAGES.toLocaleString('en-US')} packages and ${RUNS.toLocaleString('en-US')} runs; median of 5 requests per page`);
  // The pages answer for the fixture's last run, not for today: "the last 30 days" and "the last 3
  // days" would otherwise empty out as the calendar moves past the fixture.
  const app = await startConsole({ store: file, timeZone: 'America/Sao_Paulo', maxAttempts: 15, port: 0, log: silentLogger, now: () => LAST_RUN_AT });
  const pages = [
    ['overview', ''],
    ['packages (last 3 days)', 'pacotes'],
    ['packages, all dates, page 2', 'pacotes?all=1&page=2'],
    ['packages by state EN, by Protocolo', 'pacotes?state=EN&sort=protocolo&dir=asc'],
    ['packages by unit', 'pacotes?all=1&unit=CGLIC'],
    ['packages by error code', 'pacotes?code=NF002'],
    ['packages by Protocolo', 'pacotes?protocolo=99991.000500/2025-53'],
    ['package', 'pacotes/500000'],
    ['runs', 'execucoes'],
    ['compliance (month)', 'conformidade?month=2026-11'],
  ];
  let worst = 0;
  try {
    for (const [name, path] of pages) {
      const times = [];
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const s = process.hrtime.bigint();
        const res = await request(`${app.url}${path}`);
        await res.body.text();
        status = res.statusCode;
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      times.sort((a, b) => a - b);
      worst = Math.max(worst, times[2]);
      console.log(`  ${name.padEnd(38)} ${fmt(times[2], 0).padStart(6)} ms  (HTTP ${status})`);
    }
  } finally {
    await app.close();
  }
  console.log(`  slowest: ${fmt(worst, 0)} ms; target: every page under 300 ms`);
}
