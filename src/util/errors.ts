/** An error caused by the user's input (path, config, project): shown as one line, exit code 2. */
export class CarveError extends Error {
  override name = 'CarveError';
}
