import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';

const KEY = 'callback-inspector.side-width';
const DEFAULT_WIDTH = 380;
const MIN_WIDTH = 300;
/** The list keeps at least this much. */
const MIN_LIST = 480;
const KEY_STEP = 24;

const maxWidth = (): number => Math.max(MIN_WIDTH, window.innerWidth - MIN_LIST);
const clamp = (width: number): number => Math.round(Math.min(maxWidth(), Math.max(MIN_WIDTH, width)));

function stored(): number {
  try {
    const value = Number(localStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? clamp(value) : DEFAULT_WIDTH;
  } catch {
    return DEFAULT_WIDTH; // storage blocked: the default
  }
}

/** The detail pane's width, remembered across reloads. */
export function useSideWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(stored);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, String(width));
    } catch {
      // storage blocked: the width lasts for this page only
    }
  }, [width]);
  return [width, (next) => setWidth(clamp(next))];
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
      onDoubleClick={() => onResize(DEFAULT_WIDTH)}
      onKeyDown={onKeyDown}
    />
  );
}
