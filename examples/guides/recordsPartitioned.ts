// The partitioned duplicate search of docs/guides/records.md: the records are split by blocking
// key over worker threads, each worker scores its blocks, the main thread combines the pairs and
// clusters. Run it: `npx tsx examples/guides/recordsPartitioned.ts` (in an app, point the Worker
// at your compiled file).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  combineDuplicatePairs,
  mergeClusters,
  partitionBlocks,
  scoreBlock,
  type DuplicatePair,
  type MatchablePatient,
} from '../../src/records/index.js';

/** What one partition sends back: its pairs and the clusters of its `match` pairs. */
export interface PartitionResult {
  readonly pairs: readonly DuplicatePair[];
  readonly clusters: readonly (readonly string[])[];
}

// #region worker
/** The work of one partition: score each block, keep each pair once, cluster the matches. */
export const scorePartition = (blocks: readonly (readonly MatchablePatient[])[]): PartitionResult => {
  const pairs = combineDuplicatePairs(blocks.map((block) => scoreBlock(block)));
  const clusters = mergeClusters([pairs.filter((p) => p.decision === 'match').map((p) => [p.a, p.b])]);
  return { pairs, clusters };
};

/** What a worker receives: the blocks of its partition. */
interface PartitionJob {
  readonly partitionBlocks: readonly (readonly MatchablePatient[])[];
}
const isJob = (data: unknown): data is PartitionJob =>
  typeof data === 'object' && data !== null && 'partitionBlocks' in data;

// A worker started by inWorker (other threads, such as a test runner's, carry no job): blocks
// in, pairs and clusters out (plain data, copied by structured clone).
if (!isMainThread && parentPort !== null && isJob(workerData)) {
  parentPort.postMessage(scorePartition(workerData.partitionBlocks));
}
// #endregion worker

// #region workers
/**
 * Finds duplicates over `n` partitions, each scored by `run` (a worker thread below; a Spark
 * task or a SQL group elsewhere), and combines the results: the same report as findDuplicates.
 */
export const partitionedDuplicates = async (
  patients: readonly MatchablePatient[],
  n: number,
  run: (blocks: readonly (readonly MatchablePatient[])[]) => Promise<PartitionResult>,
) => {
  const partitions = partitionBlocks(patients, n).map((blocks) => [...blocks.values()]);
  const results = await Promise.all(partitions.map(run));
  return {
    pairs: combineDuplicatePairs(results.map((r) => r.pairs)),
    clusters: mergeClusters(results.map((r) => r.clusters)),
  };
};

/** Runs one partition in a worker thread started on this file. */
export const inWorker = (blocks: readonly (readonly MatchablePatient[])[]): Promise<PartitionResult> =>
  new Promise((resolve, reject) => {
    const job: PartitionJob = { partitionBlocks: blocks };
    // Compiled JavaScript starts directly; this TypeScript file registers tsx in the worker first.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`,
          { eval: true, workerData: job },
        )
      : new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (result: PartitionResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
// #endregion workers

if (isMainThread && process.argv[1]?.endsWith('recordsPartitioned.ts')) {
  const patients: MatchablePatient[] = [
    {
      id: 'a',
      name: { given: 'William', family: 'Chen' },
      birthDate: '1957-11-02',
      addresses: [{ postalCode: '10024' }],
    },
    {
      id: 'b',
      name: { given: 'Bill', family: 'Chen' },
      birthDate: '1957-02-11',
      addresses: [{ postalCode: '10024' }],
    },
    {
      id: 'c',
      name: { given: 'Wei', family: 'Chan' },
      birthDate: '1962-07-19',
      addresses: [{ postalCode: '10024' }],
    },
  ];
  void partitionedDuplicates(patients, 2, inWorker).then((r) => console.log(r.clusters)); // [['a', 'b']]
}
