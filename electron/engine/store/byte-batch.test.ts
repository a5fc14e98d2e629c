import { describe, expect, it } from 'vitest';
import { ByteBatch } from './byte-batch.js';

describe('ByteBatch', () => {
  it('encodes pieces in order as UTF-8, growing past its first size', () => {
    const batch = new ByteBatch(16);
    const pieces = ['{"a":1}', '好友 → ✓', 'x'.repeat(100), '🙂'];
    for (const piece of pieces) {
      batch.string(piece);
      batch.byte(0x0a);
    }
    const source = Buffer.from('--copied--');
    batch.bytes(source, 2, 8);
    expect(batch.take().toString('utf8')).toBe(`${pieces.join('\n')}\ncopied`);
  });

  it('starts empty after take and after reset, and what take returned stays intact', () => {
    const batch = new ByteBatch(8);
    const start = batch.string('first');
    expect(start).toBe(0);
    const taken = batch.take();
    expect(batch.length).toBe(0);
    batch.string('second');
    batch.reset();
    batch.string('third');
    expect(taken.toString()).toBe('first');
    expect(batch.take().toString()).toBe('third');
  });
});

describe('ByteBatch.take', () => {
  it('hands over bytes that later appends, resets and takes never overwrite (a write may still be pending)', () => {
    const batch = new ByteBatch(8);
    batch.string('x'.repeat(100));
    const first = batch.take();
    batch.string('y'.repeat(100));
    batch.reset();
    batch.string('z'.repeat(200));
    const second = batch.take();
    expect(second.buffer).not.toBe(first.buffer);
    expect(first.toString()).toBe('x'.repeat(100));
    expect(second.toString()).toBe('z'.repeat(200));
  });
});
