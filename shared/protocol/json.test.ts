import { describe, expect, it } from 'vitest';
import { jsonDeeperThan } from './json.js';

describe('jsonDeeperThan', () => {
  const nest = (n: number) => `${'{"a":['.repeat(n)}0${']}'.repeat(n)}`;
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonDeeperThan(nest(3), 6)).toBe(false);
    expect(jsonDeeperThan(nest(4), 6)).toBe(true);
    expect(jsonDeeperThan(`["${'['.repeat(50)}\\"${'{'.repeat(50)}"]`, 2)).toBe(false);
  });
  it('agrees with a recursive depth count on short and long text', () => {
    for (const n of [0, 1, 499, 500, 501, 2_000]) expect(jsonDeeperThan(nest(n), 1_000), String(n)).toBe(2 * n > 1_000);
  });
});
