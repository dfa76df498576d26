/**
 * Loaded with `node --import` into every measured child process: on exit it
 * reports the process's peak resident set size and CPU time (user + system,
 * all threads) on stderr, so carve, the parse limit and dependency-cruiser
 * are measured the same way on any OS. CPU time is the steadier number when
 * other work shares the cores; wall time is what a user waits.
 */
import { writeSync } from 'node:fs';
import { RSS_MARKER } from './rss-marker.js';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\n${RSS_MARKER} ${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
