import { describe, expect, it } from 'vitest';
import { LineArena, lineText } from './line-arena.js';

describe('LineArena', () => {
  it('gives back every line exactly, across slab boundaries and in any script', () => {
    const arena = new LineArena();
    const lines = Array.from({ length: 6_000 }, (_, i) =>
      JSON.stringify({ i, remark: i % 3 === 0 ? `好友 ${i} → ✓ 🙂` : 'x'.repeat(i % 700) }),
    );
    const refs = lines.map((line) => arena.put(line));
    // More than one slab was needed, and lines never overlap.
    expect(new Set(refs.map((r) => r.slab)).size).toBeGreaterThan(1);
    refs.forEach((ref, i) => {
      expect(lineText(ref)).toBe(lines[i]);
    });
  });

  it('keeps a huge line in its own buffer and goes on filling the open slab', () => {
    const arena = new LineArena();
    const small = arena.put('{"a":1}');
    const huge = 'ü'.repeat(600_000);
    const big = arena.put(huge);
    const next = arena.put('{"b":2}');
    expect(lineText(big)).toBe(huge);
    expect(big.slab).not.toBe(small.slab);
    expect(next.slab).toBe(small.slab);
    expect(lineText(next)).toBe('{"b":2}');
  });

  it('stores the empty line', () => {
    const arena = new LineArena();
    expect(lineText(arena.put(''))).toBe('');
  });
});

describe('LineArena slab reuse', () => {
  const line = (i: number): string => JSON.stringify({ i, pad: 'p'.repeat(1_000) });

  it('fills an emptied slab again instead of a new one, and leaves the lines still stored intact', () => {
    const arena = new LineArena();
    const refs = Array.from({ length: 2_500 }, (_, i) => arena.put(line(i)));
    const slabs = [...new Set(refs.map((r) => r.slab))];
    expect(slabs.length).toBeGreaterThanOrEqual(3);
    const first = slabs[0];
    // Drop the oldest lines (as the store does) until the first slab is empty.
    const dropped = refs.filter((r) => r.slab === first);
    for (const ref of dropped) arena.release(ref);
    expect(first?.live).toBe(0);
    const more = Array.from({ length: 1_500 }, (_, i) => arena.put(line(10_000 + i)));
    expect(more.some((r) => r.slab === first)).toBe(true);
    refs.forEach((ref, i) => {
      if (ref.slab !== first) expect(lineText(ref)).toBe(line(i));
    });
    more.forEach((ref, i) => {
      expect(lineText(ref)).toBe(line(10_000 + i));
    });
  });

  it('never reuses a slab that still holds a stored line', () => {
    const arena = new LineArena();
    const refs = Array.from({ length: 2_500 }, (_, i) => arena.put(line(i)));
    const first = refs[0]?.slab;
    const inFirst = refs.filter((r) => r.slab === first);
    for (const ref of inFirst.slice(1)) arena.release(ref);
    const more = Array.from({ length: 3_000 }, (_, i) => arena.put(line(20_000 + i)));
    expect(more.some((r) => r.slab === first)).toBe(false);
    expect(lineText(inFirst[0] as (typeof inFirst)[number])).toBe(line(0));
  });
});
