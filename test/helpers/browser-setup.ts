/**
 * vitest global setup: resolves (and, for the packaged build, unpacks) the browser once, before the
 * test files start in parallel, so they never unpack it at the same time; says which one it is.
 */
import { describeBrowser, resolveChromium } from './chromium.js';

export default async function setup(): Promise<void> {
  console.log(describeBrowser(await resolveChromium()));
}
