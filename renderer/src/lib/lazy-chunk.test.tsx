import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyChunk, preloadChunksWhenIdle } from './lazy-chunk.js';

afterEach(() => vi.useRealTimers());

function Real(_: { n: number }) {
  return null;
}

describe('lazyChunk', () => {
  it('renders through React.lazy until fetched when idle, then the component itself; a failed fetch is retried', async () => {
    vi.useFakeTimers();
    let fetches = 0;
    const Chunk = lazyChunk(async () => {
      fetches++;
      if (fetches === 1) throw new Error('offline');
      return Real;
    });
    const rendered = () => Chunk({ n: 7 }) as ReactElement<{ n: number }>; // what React would render
    expect(fetches).toBe(0); // nothing fetched before the window is idle
    expect(rendered().type).not.toBe(Real);

    preloadChunksWhenIdle();
    await vi.runAllTimersAsync();
    expect(fetches).toBe(1);
    expect(rendered().type).not.toBe(Real); // the fetch failed: still the lazy path, which will try again

    preloadChunksWhenIdle();
    await vi.runAllTimersAsync();
    expect(fetches).toBe(2);
    expect(rendered().type).toBe(Real);
    expect(rendered().props).toEqual({ n: 7 });

    preloadChunksWhenIdle();
    await vi.runAllTimersAsync();
    expect(fetches).toBe(2); // fetched once
  });

  it('does nothing once cancelled (the window closed before it was idle)', async () => {
    vi.useFakeTimers();
    let fetches = 0;
    lazyChunk(async () => {
      fetches++;
      return Real;
    });
    preloadChunksWhenIdle()();
    await vi.runAllTimersAsync();
    expect(fetches).toBe(0);
  });
});
