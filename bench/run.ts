// `npm run bench`: every module's benchmark in turn, each in its own process (so one bench's heap
// and garbage collector do not weigh on the next), each writing its own section of
// docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
for (const f of files) {
  console.log(`\n## ${f}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, f)], { stdio: 'inherit' });
}
