// The demo's "hours bookable this week" honours holidays and time off. Dr. Patel's weekly hours
// (examples/data/clinic.json) give 32 h in the week of 2026-11-23; Thanksgiving (Thu 26, a holiday
// for everyone) and her conference afternoon (Wed 25, 12:00-17:00, time off) leave 20 h.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadClinic } from '../../examples/day/clinic.js';
import { run } from '../../examples/day/scheduling.js';

describe('demo: bookable hours this week', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints 20 h for Dr. Patel, holidays and time off taken into account', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    run(loadClinic());
    const patel = lines.find((l) => l.startsWith('Dr. Anika Patel') && l.includes('bookable this week'));
    expect(patel).toMatch(/\s20 h bookable this week/);
  });
});
