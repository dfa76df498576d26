/**
 * What linking one file read: the facts of which files, and which module
 * resolutions. The link cache keys each file's links by exactly these, so a
 * warm run re-links a file only when one of them changed. Frames nest: a
 * barrel look-up memoised while linking one file is replayed into every later
 * file that hits the memo, so its reads count for them too.
 */
export interface Reads {
  files: Set<string>;
  queries: Set<string>;
}

export class ReadTracker {
  private readonly frames: Reads[] = [];
  private active = true;

  open(): void {
    if (this.active) this.frames.push({ files: new Set(), queries: new Set() });
  }

  /** The closed frame's reads, also counted in the enclosing frame. */
  close(): Reads | undefined {
    if (!this.active) return undefined;
    const top = this.frames.pop();
    if (top) this.replay(top);
    return top;
  }

  file(path: string): void {
    this.frames.at(-1)?.files.add(path);
  }

  query(key: string): void {
    this.frames.at(-1)?.queries.add(key);
  }

  replay(reads: Reads): void {
    const top = this.frames.at(-1);
    if (!top) return;
    for (const f of reads.files) top.files.add(f);
    for (const q of reads.queries) top.queries.add(q);
  }

  /** Linking is done: later stages' look-ups are not recorded. */
  stop(): void {
    this.active = false;
    this.frames.length = 0;
  }
}
