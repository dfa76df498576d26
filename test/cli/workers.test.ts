import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/project.js';

describe('parallel extraction', () => {
  it.each(['shop', 'clinic'])('%s: worker threads give the same result as one thread', (name) => {
    const one = runCli(['analyze', fixturePath(name), '--json', '--no-cache', '--workers', '0']);
    const two = runCli(['analyze', fixturePath(name), '--json', '--no-cache', '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(one.stdout).summary.files).toBeGreaterThan(20);
    expect(two.stdout).toBe(one.stdout);
  });
});
