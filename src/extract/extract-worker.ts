/** Worker-thread side of parallel extraction: extract the files it is sent, post the facts back. */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.js';

parentPort?.on('message', (batch: { path: string; text: string }[]) => {
  parentPort?.postMessage(batch.map((f) => extractFile(f.path, f.text)));
});
