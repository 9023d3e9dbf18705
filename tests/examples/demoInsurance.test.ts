// The demo's insurance section prints one prior-authorization line per visit that may need one;
// the reason read from the 271 carries its own parentheses, so the line must not wrap it in more.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadClinic } from '../../examples/day/clinic.js';
import { run } from '../../examples/day/insurance.js';

/** Deepest nesting of round brackets in a line. */
const depth = (line: string): number => {
  let deepest = 0;
  let open = 0;
  for (const c of line) {
    if (c === '(') deepest = Math.max(deepest, ++open);
    else if (c === ')') open -= 1;
  }
  return deepest;
};

describe('demo: prior-authorization lines', () => {
  afterEach(() => vi.restoreAllMocks());

  it('state the answer and its reason without nested parentheses', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    run(loadClinic());
    const auth = lines.filter((l) => l.trim().startsWith('prior auth:'));
    expect(auth.length).toBeGreaterThan(0);
    for (const line of auth) expect(depth(line), line).toBeLessThanOrEqual(1);
  });
});
