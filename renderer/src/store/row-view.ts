import { type CaptureList, type CaptureRow, isFilterEmpty, matchesFilter, type RowFilter } from './capture-list.js';

/**
 * The rows the table shows (the list through the filter), read by position: the table asks only for the ~50 rows
 * in its window, J/K and the selection ask for one position. Nothing here copies the 100 000-row list.
 */
export interface RowView {
  readonly length: number;
  /** Row at view position `i` (0 = oldest shown). */
  at(i: number): CaptureRow | undefined;
  /** View position of a capture, or -1 when it is not shown. */
  indexOf(id: string): number;
}

/** Ascending list positions of the rows that pass the filter, kept up to date from the list's append/update log. */
interface FilterCache {
  rows: readonly CaptureRow[];
  filter: RowFilter;
  needle: string;
  /** Rows of `rows` already tested. */
  scanned: number;
  /** Entries of the list's `updated` log already applied. */
  logSeen: number;
  positions: number[];
}

let cache: FilterCache | null = null;
let memo: { list: CaptureList; filter: RowFilter; view: RowView } | null = null;

/** First index in the ascending `positions` whose value is ≥ `pos`. */
function lowerBound(positions: readonly number[], pos: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] ?? Number.POSITIVE_INFINITY) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Brings the filter cache to the list's current state: a full pass only when the filter or the rows array changed;
 * otherwise the rows replaced in place are re-tested (a held row can stop matching "held") and new rows are tested.
 */
function filtered(list: CaptureList, filter: RowFilter): FilterCache {
  if (!cache || cache.rows !== list.rows || cache.filter !== filter) {
    cache = {
      rows: list.rows,
      filter,
      needle: filter.text.trim().toLowerCase(),
      scanned: 0,
      logSeen: 0,
      positions: [],
    };
    cache.logSeen = list.updated.length; // a fresh scan sees the current rows
  }
  const c = cache;
  const { rows, updated } = list;
  for (; c.logSeen < updated.length; c.logSeen++) {
    const pos = updated[c.logSeen] ?? -1;
    const row = rows[pos];
    if (!row || pos >= c.scanned) continue; // rows not scanned yet are tested below
    const at = lowerBound(c.positions, pos);
    const present = c.positions[at] === pos;
    const matches = matchesFilter(row, filter, c.needle);
    if (matches && !present) c.positions.splice(at, 0, pos);
    else if (!matches && present) c.positions.splice(at, 1);
  }
  // Locals in the hot loop: a filter change scans all 100 000 rows inside the < 100 ms budget.
  const { positions, needle } = c;
  const end = rows.length;
  for (let i = c.scanned; i < end; i++) {
    const row = rows[i];
    if (row && matchesFilter(row, filter, needle)) positions.push(i);
  }
  c.scanned = end;
  return c;
}

function wholeList(list: CaptureList): RowView {
  const { rows, index } = list;
  return {
    length: rows.length,
    at: (i) => rows[i],
    indexOf: (id) => index.get(id) ?? -1,
  };
}

function filteredView(list: CaptureList, filter: RowFilter): RowView {
  const { rows, index } = list;
  const { positions } = filtered(list, filter);
  return {
    length: positions.length,
    at: (i) => rows[positions[i] ?? -1],
    indexOf: (id) => {
      const pos = index.get(id);
      if (pos === undefined) return -1;
      const at = lowerBound(positions, pos);
      return positions[at] === pos ? at : -1;
    },
  };
}

/**
 * The view for a list version and filter, cached (the table, the counter and J/K ask for the same one). Use it
 * while that list version is current: the underlying arrays keep moving with the list.
 */
export function rowView(list: CaptureList, filter: RowFilter): RowView {
  if (memo && memo.list === list && memo.filter === filter) return memo.view;
  const view = isFilterEmpty(filter) ? wholeList(list) : filteredView(list, filter);
  memo = { list, filter, view };
  return view;
}
