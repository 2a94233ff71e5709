// Preloaded into the bot for the soak only (`node --expose-gc --require …/memoryProbe.cjs dist/src/index.js`):
// every BENCH_PROBE_MS it runs a full GC (when exposed) and writes one line to stderr:
//   BENCH_MEMORY {"t":<ms since start>,"rss":…,"heapUsed":…,"heapTotal":…,"external":…}
// The timer is unref'd: it never keeps the process alive.
'use strict';

const intervalMs = Number(process.env.BENCH_PROBE_MS || 5000);
const started = Date.now();

setInterval(() => {
    if (typeof global.gc === 'function') global.gc();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    process.stderr.write(`BENCH_MEMORY ${JSON.stringify({ t: Date.now() - started, rss, heapUsed, heapTotal, external })}\n`);
}, intervalMs).unref();
