// `npm run bench`: every module's benchmark in turn, each writing its own section of
// docs/benchmarks.md.
import { readdirSync } from 'node:fs';

const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
for (const f of files) {
  console.log(`\n## ${f}`);
  await import(`./${f}`);
}
