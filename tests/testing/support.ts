// Shared checks of the medoffice/testing tests.
import { expect } from 'vitest';

/** The value survives JSON and parses back to itself (defaults already filled, brands applied). */
export const reparses =
  <T>(parse: (x: unknown) => { _tag: string; right?: T }) =>
  (value: T): void => {
    const again = parse(JSON.parse(JSON.stringify(value)));
    expect(again._tag).toBe('Right');
    expect(again.right).toEqual(value);
  };
