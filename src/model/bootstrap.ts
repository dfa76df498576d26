/** A start-up call: the line where a process starts serving (found in src/extract/bootstrap.ts). */
export interface Bootstrap {
  file: string;
  line: number;
  kind: 'http' | 'worker';
  /** The call, e.g. `NestFactory.create`. */
  call: string;
}
