import { type CaptureState, type CaptureSummary, captureNumber } from '../../../shared/contract/index.js';

/** One table row: the summary plus a precomputed lowercase haystack so text filtering stays a plain `includes`. */
export interface CaptureRow {
  readonly summary: CaptureSummary;
  readonly search: string;
}

/**
 * Rows oldest first (new captures append at the end: no layout shift above), plus id → index.
 * `rows`, `index` and `updated` are owned by the list and updated in place (copying 100 000 entries per animation
 * frame would defeat the O(1) update and feed the garbage collector); every change returns a new list object with
 * a higher `version`, which is what React and the memoised views compare. Anything that moves rows (a re-sort, an
 * older page in front) builds a new `rows` array, so a view keyed on that array knows positions are still valid.
 */
export interface CaptureList {
  readonly rows: readonly CaptureRow[];
  readonly index: Map<string, number>;
  readonly version: number;
  /** Positions replaced in place since `rows` was created, in order: filtered views catch up from this log. */
  readonly updated: readonly number[];
  /** Held captures: id → fallback deadline (ms epoch). Kept with every upsert so nobody scans the rows for it. */
  readonly held: ReadonlyMap<string, number>;
}

/** Past this many in-place replacements the log starts over (with a new array: views then re-filter once). */
const UPDATE_LOG_LIMIT = 50_000;

export function emptyList(): CaptureList {
  return { rows: [], index: new Map(), version: 0, updated: [], held: new Map() };
}

export function toRow(summary: CaptureSummary): CaptureRow {
  const parts = [
    // "#24": the number as shown (an imported capture keeps its recorded one).
    `#${captureNumber(summary)}`,
    summary.dialect,
    summary.command ?? '',
    summary.summary.parties,
    summary.summary.text,
    summary.request.path,
    summary.state,
    summary.decidedBy ?? '',
    summary.outcome?.explanation ?? '',
  ];
  return { summary, search: parts.join('\n').toLowerCase() };
}

function buildIndex(rows: readonly CaptureRow[]): Map<string, number> {
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    index.set(row.summary.id, i);
  });
  return index;
}

/**
 * Applies live summaries (added or updated) in O(1) each: a known id is replaced in place, a new one with a
 * seq above the newest row is appended. An out-of-order newcomer (rare: reconnect races) triggers one re-sort.
 */
export function upsertSummaries(list: CaptureList, summaries: readonly CaptureSummary[]): CaptureList {
  if (summaries.length === 0) return list;
  // Owned by the list (see CaptureList): mutated in place, published through a new version.
  let rows = list.rows as CaptureRow[];
  let updated = list.updated as number[];
  if (updated.length > UPDATE_LOG_LIMIT) {
    rows = rows.slice();
    updated = [];
  }
  const index = list.index;
  const held = list.held as Map<string, number>; // owned by the list, like rows
  let needsSort = false;
  for (const summary of summaries) {
    const at = index.get(summary.id);
    if (at !== undefined) {
      const existing = rows[at];
      // A capture never returns to held: a late replay of its "added" event must not undo the answer.
      if (existing && existing.summary.state !== 'held' && summary.state === 'held') continue;
      rows[at] = toRow(summary);
      updated.push(at);
      trackHeld(held, summary);
      continue;
    }
    trackHeld(held, summary);
    const last = rows[rows.length - 1];
    if (last && last.summary.seq > summary.seq) needsSort = true;
    index.set(summary.id, rows.length);
    rows.push(toRow(summary));
  }
  const version = list.version + 1;
  if (!needsSort) return { rows, index, version, updated, held };
  const sorted = rows.slice().sort((a, b) => a.summary.seq - b.summary.seq);
  return { rows: sorted, index: buildIndex(sorted), version, updated: [], held };
}

function trackHeld(held: Map<string, number>, summary: CaptureSummary): void {
  if (summary.state === 'held' && summary.hold) held.set(summary.id, summary.hold.deadlineAt);
  else held.delete(summary.id);
}

/** Adds an older page (any order) in front of the current rows, skipping ids already present. */
export function prependOlder(list: CaptureList, older: readonly CaptureSummary[]): CaptureList {
  const fresh = older.filter((s) => !list.index.has(s.id)).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return list;
  const rows = fresh.map(toRow).concat(list.rows);
  // Backfill asks for rows before the oldest one, so the result is normally sorted already.
  const last = fresh[fresh.length - 1];
  const first = list.rows[0];
  if (last && first && last.seq > first.summary.seq) rows.sort((a, b) => a.summary.seq - b.summary.seq);
  const held = new Map(list.held);
  for (const summary of fresh) trackHeld(held, summary);
  return { rows, index: buildIndex(rows), version: list.version + 1, updated: [], held };
}

export function oldestSeq(list: CaptureList): number | null {
  return list.rows[0]?.summary.seq ?? null;
}

export interface RowFilter {
  text: string;
  command: string;
  state: CaptureState | '';
}

export const NO_FILTER: RowFilter = { text: '', command: '', state: '' };

export function isFilterEmpty(filter: RowFilter): boolean {
  return filter.text.trim() === '' && filter.command === '' && filter.state === '';
}

export function matchesFilter(row: CaptureRow, filter: RowFilter, needle: string): boolean {
  if (filter.state !== '' && row.summary.state !== filter.state) return false;
  if (filter.command !== '' && row.summary.command !== filter.command) return false;
  return needle === '' || row.search.includes(needle);
}

/** Held captures, most urgent (nearest fallback) first. */
export function heldByDeadline(list: CaptureList): { id: string; deadlineAt: number }[] {
  return [...list.held].map(([id, deadlineAt]) => ({ id, deadlineAt })).sort((a, b) => a.deadlineAt - b.deadlineAt);
}
