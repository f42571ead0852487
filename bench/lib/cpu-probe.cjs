// Preloaded with `node --require`: appends the process's CPU time (user + system, ms) to $BENCH_CPU_FILE at exit.
// CPU time is far steadier than wall time on a shared machine, where other jobs take turns on the cores.
'use strict';
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(file, `${((user + system) / 1000).toFixed(1)}\n`);
  });
}
