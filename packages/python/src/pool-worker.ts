// A worker thread of the Python pool: analyses the batches it is sent with the options it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import { type PythonFlowOptions, pythonFindings } from './flow/findings.js';
import type { PoolReply, PoolRequest, PythonJobResult } from './pool.js';

const options = workerData as PythonFlowOptions;

parentPort?.on('message', async (request: PoolRequest) => {
  const results: PythonJobResult[] = [];
  for (const job of request.jobs) {
    try {
      results.push({ findings: await pythonFindings(job.file, job.text, options) });
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  const reply: PoolReply = { id: request.id, results };
  parentPort!.postMessage(reply);
});
