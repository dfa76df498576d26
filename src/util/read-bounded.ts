/**
 * Reads a file a user or the analysed repo names, within bounds: a regular file
 * (not a device, FIFO or folder, so `/dev/zero` or a pipe cannot stall or fill
 * memory) of at most `maxBytes`.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { CarveError } from './errors.js';

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

export function readBoundedText(file: string, maxBytes: number, what: string): string {
  let fd: number;
  try {
    if (!statSync(file).isFile()) throw new CarveError(`${what} ${file} is not a regular file`);
    // O_NONBLOCK: a FIFO swapped in after the check must not block the open.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof CarveError) throw error;
    throw new CarveError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new CarveError(`${what} ${file} is not a regular file`);
    if (stat.size > maxBytes)
      throw new CarveError(`${what} ${file} is ${megabytes(stat.size)}; carve reads at most ${megabytes(maxBytes)}`);
    // One byte more than allowed tells a file that grew after the stat.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
    if (length > maxBytes) throw new CarveError(`${what} ${file} is over ${megabytes(maxBytes)}; carve reads at most that`);
    return buffer
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof CarveError) throw error;
    throw new CarveError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    closeSync(fd);
  }
}
