// Shared by the guide tests: unwrap a Right (failing with the Left shown), and keep what the
// examples print (the guides' console.log lines) out of the test log.
import { beforeAll, vi } from 'vitest';

export const right = <A>(
  r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A } | undefined | false,
): A => {
  if (!r) throw new Error('expected Right, got nothing');
  if (r._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

export const quietConsole = (): void =>
  beforeAll(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined));
