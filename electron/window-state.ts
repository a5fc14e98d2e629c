// Remembers the window's size and position between runs (a small JSON file in the user-data folder).
// The file is untrusted input: anything malformed, absurd or off every screen is ignored.
import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 500;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;
const MAX_SIDE = 16_384;
/** How much of the window's top strip must lie on a screen for the title bar to be reachable. */
const MIN_VISIBLE_WIDTH = 100;
const TITLE_BAR_HEIGHT = 32;
/** Windows reports maximised/snapped windows a few pixels outside the work area. */
const EDGE_SLACK = 16;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function isReachable(state: Rect, area: Rect): boolean {
  const left = Math.max(state.x, area.x);
  const right = Math.min(state.x + state.width, area.x + area.width);
  const top = state.y;
  return (
    right - left >= MIN_VISIBLE_WIDTH &&
    top >= area.y - EDGE_SLACK &&
    top + TITLE_BAR_HEIGHT <= area.y + area.height + EDGE_SLACK
  );
}

/** Validates a stored state against the current screens' work areas; null means "use the default placement". */
export function parseWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r: Partial<Record<keyof WindowState, unknown>> = raw;
  const { x, y, width, height } = r;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height)) return null;
  if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_SIDE || height > MAX_SIDE) return null;
  if (Math.abs(x) > MAX_SIDE * 4 || Math.abs(y) > MAX_SIDE * 4) return null;
  const state: WindowState = { x, y, width, height, maximized: r.maximized === true };
  return workAreas.some((area) => isReachable(state, area)) ? state : null;
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')), workAreas);
  } catch {
    return null; // missing or corrupt file: default placement
  }
}

/** Written atomically (temp file renamed over), so a crash mid-write never leaves a half file. Not fatal if it fails. */
export function saveWindowState(file: string, state: WindowState): boolean {
  try {
    writeFileAtomic.sync(file, `${JSON.stringify(state)}\n`);
    return true;
  } catch {
    return false;
  }
}
