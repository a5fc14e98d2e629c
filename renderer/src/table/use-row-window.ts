import { type RefObject, useLayoutEffect, useState } from 'react';

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /** Show the last rows whatever the scroll position says (follow newest: the scroll write comes after commit). */
  pinToEnd: boolean;
}

/** Rows [start, end) to render. */
export interface RowWindow {
  start: number;
  end: number;
  /** First row under the top edge of the scroll box (start minus the overscan, unless pinned). */
  first: number;
}

interface Viewport {
  /** Row under the top edge of the scroll box. */
  first: number;
  /** Rows that fit in the scroll box. */
  capacity: number;
}

/**
 * The window of a fixed-height list, from the scroll box's scrollTop and height only: no per-row measurement
 * objects (a generic virtualiser keeps one per row and rebuilds them when the count changes, which at 100 000
 * rows is the long task). Re-renders only when the first visible row or the capacity changes.
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, options: RowWindowOptions): RowWindow {
  const { count, rowHeight, overscan, pinToEnd } = options;
  const [viewport, setViewport] = useState<Viewport>({ first: 0, capacity: 40 });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (): void => {
      const next = {
        first: Math.floor(el.scrollTop / rowHeight),
        capacity: Math.ceil(el.clientHeight / rowHeight) + 1,
      };
      setViewport((prev) => (prev.first === next.first && prev.capacity === next.capacity ? prev : next));
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [ref, rowHeight]);

  if (pinToEnd) {
    // Nothing below the end, and nothing to scroll into from above before following stops (which re-renders
    // with the full overscan): one spare row, since a streaming update replaces the whole window each time.
    const start = Math.max(0, count - viewport.capacity - 1);
    return { start, end: count, first: Math.min(count - 1, start + 1) };
  }
  const first = Math.min(viewport.first, count);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + viewport.capacity + overscan),
    first,
  };
}
