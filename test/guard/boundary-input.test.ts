/** Declared boundaries that cannot be right are input errors (exit 2) that name the problem. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const files = {
  'tsconfig.json': '{}',
  'src/orders/order.ts': "import { ship } from '../shipping/ship';\nexport const order = () => ship();\n",
  'src/shipping/ship.ts': 'export const ship = () => 1;\n',
};

function checkWith(config: object): { code: number; stderr: string } {
  const dir = writeProject({ ...files, 'carve.config.json': JSON.stringify(config) });
  const r = runCli(['check', dir, '--no-cache', '--quiet']);
  return { code: r.code, stderr: r.stderr.trim() };
}

describe('boundary input errors', () => {
  it('a boundary whose globs match no file names the boundary', () => {
    const r = checkWith({ boundaries: { orders: ['src/orders/**'], billing: ['src/billing/**'] } });
    expect(r).toEqual({ code: 2, stderr: 'carve: boundaries: "billing" matches no analysed file (paths "src/billing/**")' });
  });

  it('a file claimed by two boundaries names the file', () => {
    const r = checkWith({ boundaries: { orders: ['src/orders/**'], everything: ['src/**'] } });
    expect(r).toEqual({
      code: 2,
      stderr: 'carve: boundaries: src/orders/order.ts is claimed by both "everything" and "orders" — a file belongs to one service',
    });
  });

  it('an unknown service in dependsOn, and an unreadable exception, are named', () => {
    expect(
      checkWith({ boundaries: { orders: { paths: ['src/orders/**'], dependsOn: ['shiping'] }, shipping: ['src/shipping/**'] } }).stderr,
    ).toBe('carve: boundaries: "orders" depends on "shiping", which is not a declared boundary');
    expect(checkWith({ boundaries: { orders: ['src/orders/**'] }, boundaryRules: { allow: ['orders can read everything'] } }).stderr).toBe(
      'carve: boundaryRules.allow: cannot read "orders can read everything" — write e.g. "shipping may read orders.orders"',
    );
  });

  it('a dependency outside dependsOn fails (exit 1), and an exception allows it', () => {
    const boundaries = { orders: { paths: ['src/orders/**'], dependsOn: [] }, shipping: ['src/shipping/**'] };
    const dir = writeProject({ ...files, 'carve.config.json': JSON.stringify({ boundaries }) });
    const failing = runCli(['check', dir, '--no-cache', '--quiet']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(
      'NEW   src/orders/order.ts:1  undeclared-dependency: src/orders/order.ts depends on shipping, which is not in the dependsOn of orders',
    );
    expect(failing.stdout).toContain('undeclared-dependency:orders→shipping:src/orders/order.ts');
    const allowed = writeProject({
      ...files,
      'carve.config.json': JSON.stringify({ boundaries, boundaryRules: { allow: ['orders may depend on shipping'] } }),
    });
    expect(runCli(['check', allowed, '--no-cache', '--quiet']).code).toBe(0);
  });
});
