// Runs the built CLI's main(argv) in this process and prints, as JSON, every module it loaded (ESM through a
// resolve hook, CommonJS through require.cache) and the wall time of the run. Usage: node import-graph.mjs ...argv
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const started = performance.now();
const { port1, port2 } = new MessageChannel();
const esm = new Set();
port1.on('message', (url) => esm.add(url));
register('./import-graph-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

const { main } = await import(new URL('../../packages/cli/dist/main.js', import.meta.url).href);
const sink = { write() {}, isTTY: false };
const code = await main(process.argv.slice(2), { cwd: process.cwd(), env: {}, stdout: sink, stderr: sink });
const durationMs = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, 50)); // let the hook thread's last messages arrive
port1.close();
const cjs = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(JSON.stringify({ code, durationMs, modules: [...esm, ...cjs] }));
