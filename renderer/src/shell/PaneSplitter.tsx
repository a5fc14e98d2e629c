import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';

const KEY = 'callback-inspector.side-width';
/**
 * The details pane's default: 380 px, or 31 % of a narrower window — at 1024 px the list then shows its six main
 * columns whole (table-compact.css), a scroll bar included, and the decision buttons still fit in one row.
 */
const DEFAULT_WIDTH = 380;
const MIN_WIDTH = 300;
const defaultWidth = (): number => Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, Math.round(window.innerWidth * 0.31)));
/** The list keeps at least this much. */
const MIN_LIST = 480;
const KEY_STEP = 24;

const maxWidth = (): number => Math.max(MIN_WIDTH, window.innerWidth - MIN_LIST);
const clamp = (width: number): number => Math.round(Math.min(maxWidth(), Math.max(MIN_WIDTH, width)));

/** The width the person set (dragged or keyed), or null: the default then follows the window. */
function stored(): number | null {
  try {
    const value = Number(localStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null; // storage blocked: the default
  }
}

/** The window's inner width, followed: the default width (a third of a narrow window) and the clamp depend on it. */
function useWindowWidth(): number {
  const [width, setWidth] = useState(window.innerWidth);
  useEffect(() => {
    const onResize = (): void => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** The detail pane's width: the one the person set, remembered across reloads, else the default for the window. */
export function useSideWidth(): [number, (width: number) => void] {
  const [chosen, setChosen] = useState(stored);
  useWindowWidth();
  const set = (next: number): void => {
    const width = clamp(next);
    setChosen(width);
    try {
      localStorage.setItem(KEY, String(width));
    } catch {
      // storage blocked: the width lasts for this page only
    }
  };
  return [chosen === null ? clamp(defaultWidth()) : clamp(chosen), set];
}

/** The handle between the list and the detail pane: drag it, or focus it and use the arrow keys. */
export function PaneSplitter({ width, onResize }: { width: number; onResize: (width: number) => void }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    drag.current = { x: e.clientX, width };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    // The pane is on the right: dragging left widens it.
    if (drag.current) onResize(drag.current.width - (e.clientX - drag.current.x));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const delta = e.key === 'ArrowLeft' ? KEY_STEP : e.key === 'ArrowRight' ? -KEY_STEP : 0;
    if (delta === 0) return;
    e.preventDefault();
    onResize(width + delta);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused or dragged
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize details pane"
      aria-valuenow={width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={maxWidth()}
      tabIndex={0}
      className="pane-splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => {
        drag.current = null;
      }}
      onDoubleClick={() => onResize(defaultWidth())}
      onKeyDown={onKeyDown}
    />
  );
}
