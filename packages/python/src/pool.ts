import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding } from '@secret-hygiene/core';
import { type PythonFlowOptions, pythonFindings, worthParsing } from './flow/findings.js';
import { hasPythonTree, releasePythonTrees } from './loader.js';

/** One Python program to analyse: its path (relative to `root` or absolute) and its text. */
export interface PythonJob {
  file: string;
  text: string;
}

/** A job's findings, or why it could not be analysed (the other jobs go on). */
export type PythonJobResult = { findings: Finding[] } | { error: string };

export interface PythonPoolOptions {
  /** Worker threads for a large run (default: the machine's cores, at most 4). */
  threads?: number;
  /** Below this many bytes worth parsing, the calling thread does it all: a worker's start-up would cost more. */
  minBytes?: number;
  /** The worker's script; without one (running from TypeScript sources) everything runs on the calling thread. */
  workerUrl?: URL;
}

/** About a third of a second of analysis on one core, which is what starting a worker costs. */
const MIN_POOL_BYTES = 1024 * 1024;
const MAX_WORKERS = 4;
/**
 * Files per message to a worker, fewer as the queue drains so all threads finish together; three batches are in
 * flight so a worker never waits for the busy (or descheduled) calling thread.
 */
const MAX_BATCH = 8;
const IN_FLIGHT = 3;

/** What the caller sends a worker, and what it answers. */
export interface PoolRequest {
  id: number;
  jobs: PythonJob[];
}
export interface PoolReply {
  id: number;
  results: PythonJobResult[];
}

async function analyseHere(job: PythonJob, options: PythonFlowOptions): Promise<PythonJobResult> {
  try {
    return { findings: await pythonFindings(job.file, job.text, options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Secret flows in many Python files, in the order given. Large runs go to worker threads (each loads the grammar
 * once) that take files from one queue, so a slow file never holds up the rest; the calling thread only hands
 * out batches (a busy caller would leave the workers waiting) and analyses the files it has parsed already. Small
 * runs and single files never pay for a worker. A worker that dies gives its files back.
 */
export async function pythonFindingsForFiles(
  jobs: readonly PythonJob[],
  options: PythonFlowOptions = {},
  pool: PythonPoolOptions = {},
): Promise<PythonJobResult[]> {
  const results: Array<PythonJobResult | undefined> = new Array(jobs.length);
  const queue: number[] = [];
  let bytes = 0;
  jobs.forEach((job, index) => {
    if (!worthParsing(job.text, options)) results[index] = { findings: [] };
    else {
      queue.push(index);
      bytes += job.text.length;
    }
  });
  const workerUrl = pool.workerUrl ?? new URL('./pool-worker.js', import.meta.url);
  const threads = pool.threads ?? Math.min(availableParallelism(), MAX_WORKERS);
  const workerCount = threads > 1 && bytes >= (pool.minBytes ?? MIN_POOL_BYTES) && existsSync(fileURLToPath(workerUrl)) ? threads : 0;
  // Files already parsed here (by the config cross-check) go last: this thread takes from the end, workers from the front.
  queue.sort((x, y) => Number(hasPythonTree(jobs[x]!.text)) - Number(hasPythonTree(jobs[y]!.text)) || x - y);
  const take = (): number[] => queue.splice(0, Math.max(1, Math.min(MAX_BATCH, Math.floor(queue.length / (4 * threads)))));
  const workers = Array.from({ length: workerCount }, () => drive(new Worker(workerUrl, { workerData: options }), jobs, take, results));
  const parsedHere = (): boolean => hasPythonTree(jobs[queue[queue.length - 1]!]!.text);
  while (queue.length > 0 && (workerCount === 0 || parsedHere())) {
    const index = queue.pop()!;
    results[index] = await analyseHere(jobs[index]!, options);
    // Let the workers' answers in, so each gets its next batch while this thread works on.
    if (workerCount > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  // Files of a worker that died, or that never answered for them, are analysed here.
  for (let index = 0; index < jobs.length; index++) results[index] ??= await analyseHere(jobs[index]!, options);
  releasePythonTrees();
  return results as PythonJobResult[];
}

/** Feeds one worker batches from the shared queue until the queue is empty; resolves once the worker is gone. */
function drive(worker: Worker, jobs: readonly PythonJob[], take: () => number[], results: Array<PythonJobResult | undefined>): Promise<void> {
  return new Promise((resolve) => {
    const inFlight = new Map<number, number[]>();
    let nextId = 0;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      void worker.terminate().finally(resolve);
    };
    const send = (): void => {
      const batch = take();
      if (batch.length === 0) return;
      const request: PoolRequest = { id: nextId++, jobs: batch.map((index) => jobs[index]!) };
      inFlight.set(request.id, batch);
      worker.postMessage(request);
    };
    worker.on('message', (reply: PoolReply) => {
      const batch = inFlight.get(reply.id) ?? [];
      inFlight.delete(reply.id);
      batch.forEach((index, k) => (results[index] = reply.results[k]));
      send();
      if (inFlight.size === 0) finish();
    });
    // Unanswered files stay without a result; the caller analyses them itself.
    worker.on('error', finish);
    worker.on('exit', finish);
    for (let i = 0; i < IN_FLIGHT; i++) send();
    if (inFlight.size === 0) finish();
  });
}
