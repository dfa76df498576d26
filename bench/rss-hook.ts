/**
 * Loaded with `node --import` into every measured child process: on exit it
 * reports the process's peak resident set size on stderr, so carve, the parse
 * limit and dependency-cruiser are measured the same way on any OS.
 */
import { writeSync } from 'node:fs';
import { RSS_MARKER } from './rss-marker.js';

process.on('exit', () => {
  writeSync(2, `\n${RSS_MARKER} ${process.resourceUsage().maxRSS}\n`);
});
