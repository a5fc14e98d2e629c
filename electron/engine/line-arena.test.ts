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
