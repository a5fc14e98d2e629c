import type { ColumnSizingState } from '@tanstack/react-table';

// Column widths the person dragged, kept per browser profile: the table looks the same after a reload.
const KEY = 'callback-inspector.column-widths';

export function loadColumnSizing(): ColumnSizingState {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: ColumnSizingState = {};
    for (const [id, width] of Object.entries(parsed)) {
      if (typeof width === 'number' && Number.isFinite(width) && width > 0) out[id] = width;
    }
    return out;
  } catch {
    return {}; // unreadable or blocked storage: default widths
  }
}

export function saveColumnSizing(sizing: ColumnSizingState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(sizing));
  } catch {
    // storage full or blocked: the widths last for this page only
  }
}
