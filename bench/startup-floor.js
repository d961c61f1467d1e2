// The floor of bench/startup.js: only the modules a command needs, doing its work, and nothing else.
// Usage: node startup-floor.js version | validate FILE
import { readFileSync } from 'node:fs';

const [what, file] = process.argv.slice(2);
if (what === 'version') {
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
} else {
  await import('commander');
  const { validateLista } = await import('../dist/standard/validate-stream.js');
  const { XsdPool } = await import('../dist/standard/xsd-pool.js');
  const xsd = new XsdPool();
  for await (const event of validateLista(file, { xsd })) void event;
  await xsd.close();
}
