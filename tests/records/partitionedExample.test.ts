// docs/guides/records.md "Past one machine": the worker-thread example gives the findDuplicates report.
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../src/records/index.js';
import { inWorker, partitionedDuplicates, scorePartition } from '../../examples/guides/recordsPartitioned.js';
import { generateHouseholds } from './support/households.js';

describe('partitioned duplicate search example', () => {
  const patients = generateHouseholds(150, 7).records.map((r) => r.record);
  const whole = findDuplicates(patients);

  it('in process, over 1 to 4 partitions: the same pairs and clusters as one findDuplicates run', async () => {
    for (const n of [1, 2, 3, 4]) {
      const r = await partitionedDuplicates(patients, n, async (blocks) => scorePartition(blocks));
      expect(r.pairs).toEqual(whole.pairs);
      expect(r.clusters).toEqual(whole.clusters);
    }
    expect(whole.clusters.length).toBeGreaterThan(10);
  });

  it('in two worker threads: the same report', async () => {
    const r = await partitionedDuplicates(patients, 2, inWorker);
    expect(r.pairs).toEqual(whole.pairs);
    expect(r.clusters).toEqual(whole.clusters);
  }, 120_000);
});
