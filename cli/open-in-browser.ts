import { spawn } from 'node:child_process';
import { printErr } from './print.js';

/** Best effort: hand the file to the desktop's opener; a headless machine just prints the path. */
export function openInBrowser(file: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(opener, [file], { detached: true, stdio: 'ignore' });
    child.on('error', () => printErr(`could not open a browser; open ${file} yourself`));
    child.unref();
  } catch {
    printErr(`could not open a browser; open ${file} yourself`);
  }
}
