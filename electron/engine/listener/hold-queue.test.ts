import { describe, expect, it } from 'vitest';
import { HoldQueue } from './hold-queue.js';

describe('HoldQueue', () => {
  it('runs the deadline callback when nobody takes the item', async () => {
    const queue = new HoldQueue<string>();
    const fired = new Promise<string>((resolve) => queue.add('a', 'item-a', Date.now() + 5, resolve));
    expect(queue.has('a')).toBe(true);
    expect(await fired).toBe('item-a');
    expect(queue.has('a')).toBe(false);
    expect(queue.take('a')).toBeUndefined();
  });

  it('gives an item to exactly one taker and cancels its deadline', async () => {
    const queue = new HoldQueue<number>();
    const fired: number[] = [];
    queue.add('a', 1, Date.now(), (n) => fired.push(n));
    expect(queue.take('a')).toBe(1);
    expect(queue.take('a')).toBeUndefined();
    // A later-added item with an immediate deadline fires; the taken one never does.
    await new Promise<number>((resolve) => queue.add('b', 2, Date.now(), resolve));
    expect(fired).toEqual([]);
  });

  it('takeAll empties the queue in insertion order', () => {
    const queue = new HoldQueue<number>();
    const far = Date.now() + 60_000;
    for (const n of [3, 1, 2]) queue.add(String(n), n, far, () => undefined);
    expect(queue.takeAll()).toEqual([3, 1, 2]);
    expect(queue.size).toBe(0);
  });
});
