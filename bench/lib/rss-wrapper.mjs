// Fallback for machines without GNU time: runs a Node entry script inside this process and, on exit, writes
// the process's peak RSS (KB) to the file named by BENCH_RSS_FILE. Usage: node rss-wrapper.mjs <script> [args...]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
const target = path.resolve(script);
process.argv = [process.argv[0], target, ...args];
process.on('exit', () => {
  writeFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(target).href);
