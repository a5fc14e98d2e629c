import type {
  Capture,
  CaptureListResponse,
  CaptureQuery,
  CaptureSummary,
  CaptureSummaryText,
} from '../../shared/contract/index.js';

/**
 * What the store keeps per capture. Kept small on purpose: every retained object costs GC time on the
 * hot path, so summaries are built when asked for (events, lists), never kept.
 */
interface Entry {
  capture: Capture;
  text: CaptureSummaryText;
  /** Lower-case search text, built on the first `q` search and kept (the request never changes). */
  haystack?: string;
}

/** Body text searched by `q` is cut here: the search stays cheap on huge bodies. */
const SEARCH_BODY_CHARS = 16_384;

/** The list/event form: the capture without bodies, plus the one-line summary. */
export function toSummary(capture: Capture, text: CaptureSummaryText): CaptureSummary {
  const { bodyText: _b, body: _p, ...request } = capture.request;
  let response: CaptureSummary['response'] = null;
  if (capture.response) {
    const { bodyText: _r, ...rest } = capture.response;
    response = rest;
  }
  return { ...capture, request, response, summary: text };
}

/**
 * The bounded in-memory history, ordered by seq (oldest first). Over the limit the oldest are dropped and counted.
 * Captures are updated in place (held → answered). Stored captures carry `request.bodyText` only; `get` adds
 * the parsed `request.body` to a copy (parsed JSON trees are the largest thing a capture could retain).
 */
export class CaptureStore {
  private entries: Entry[] = [];
  /** Index of the oldest live entry in `entries` (dropping is O(1); the array is compacted now and then). */
  private head = 0;
  private byId = new Map<string, Entry>();
  dropped = 0;

  constructor(private limit: number) {}

  get size(): number {
    return this.byId.size;
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.trim();
  }

  /** Adds a capture (seq must be above every stored one). */
  add(capture: Capture, text: CaptureSummaryText): void {
    const entry: Entry = { capture, text };
    this.entries.push(entry);
    this.byId.set(capture.id, entry);
    this.trim();
  }

  /** Call after changing a stored capture; false when it was dropped meanwhile. */
  updated(capture: Capture): boolean {
    const entry = this.byId.get(capture.id);
    if (!entry) return false;
    entry.capture = capture;
    return true;
  }

  /** The full capture, with `request.body` parsed from its text. */
  get(id: string): Capture | undefined {
    const capture = this.byId.get(id)?.capture;
    return capture && withBody(capture);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  summaryOf(id: string): CaptureSummary | undefined {
    const entry = this.byId.get(id);
    return entry && toSummary(entry.capture, entry.text);
  }

  /** Oldest first. */
  all(): Capture[] {
    const out: Capture[] = [];
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      if (entry) out.push(entry.capture);
    }
    return out;
  }

  /** Empties the store except the captures `keep` selects (held requests stay visible). */
  clear(keep: (capture: Capture) => boolean = () => false): void {
    const kept = this.entries.slice(this.head).filter((e) => keep(e.capture));
    this.entries = kept;
    this.head = 0;
    this.byId = new Map(kept.map((e) => [e.capture.id, e]));
  }

  /** Newest first; `total` counts every capture matching the filters (not `before`/`limit`). */
  list(query: CaptureQuery): CaptureListResponse {
    const { limit, before, command, state } = query;
    const q = query.q?.trim().toLowerCase() ?? '';
    const filtered = command !== undefined || state !== undefined || q !== '';
    const items: CaptureSummary[] = [];
    let total = 0;
    for (let i = this.entries.length - 1; i >= this.head; i -= 1) {
      const entry = this.entries[i];
      if (!entry) continue;
      const c = entry.capture;
      if (command !== undefined && c.command !== command) continue;
      if (state !== undefined && c.state !== state) continue;
      if (q !== '' && !haystackOf(entry).includes(q)) continue;
      total += 1;
      if (items.length < limit && (before === undefined || c.seq < before)) items.push(toSummary(c, entry.text));
      else if (!filtered && items.length >= limit) break;
    }
    return { items, total: filtered ? total : this.byId.size };
  }

  private trim(): void {
    while (this.byId.size > this.limit && this.head < this.entries.length) {
      const entry = this.entries[this.head];
      this.head += 1;
      if (entry && this.byId.delete(entry.capture.id)) this.dropped += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

function haystackOf(entry: Entry): string {
  if (entry.haystack === undefined) {
    const c = entry.capture;
    entry.haystack = [
      c.command ?? '',
      entry.text.parties,
      entry.text.text,
      c.request.bodyText.slice(0, SEARCH_BODY_CHARS),
    ]
      .join('\n')
      .toLowerCase();
  }
  return entry.haystack;
}

/** A copy with the body parsed; the stored capture keeps only the text. */
export function withBody(capture: Capture): Capture {
  const { request } = capture;
  if (request.body !== undefined || request.parseError !== undefined || request.truncated || request.bodyText === '') {
    return capture;
  }
  try {
    return { ...capture, request: { ...request, body: JSON.parse(request.bodyText) as unknown } };
  } catch {
    return capture;
  }
}
