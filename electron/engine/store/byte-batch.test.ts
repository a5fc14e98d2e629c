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

describe('ByteBatch.recycle', () => {
  it('writes into a handed-back buffer instead of a new one: at once when empty, else after the next take', () => {
    const batch = new ByteBatch(8);
    batch.string('x'.repeat(100));
    const first = batch.take();
    batch.recycle(first);
    batch.string('next');
    const second = batch.take();
    expect(second.buffer).toBe(first.buffer);
    expect(second.toString()).toBe('next');

    batch.string('busy');
    batch.recycle(second);
    const third = batch.take();
    expect(third.buffer).not.toBe(second.buffer);
    expect(third.toString()).toBe('busy');
    batch.string('later');
    expect(batch.take().buffer).toBe(second.buffer);
  });
});
