import type {
  Capture,
  CaptureListResponse,
  CaptureQuery,
  CaptureSummary,
  CaptureSummaryText,
} from '../../../shared/contract/index.js';
import { liveBodyBytes } from './body-limit.js';
import { captureToLine, withBody } from './capture-line.js';
import { toSummary } from './capture-summary.js';
import { LineArena, type LineRef, lineText } from './line-arena.js';
import type { CaptureHead } from './log-load.js';
import { captureOf, type Entry, haystackOf, NO_SLAB, textOf } from './store-entry.js';

/**
 * The bounded in-memory history, ordered by seq (oldest first). Over the limit — a count, and (product.md §4 v3) bytes
 * of bodies — the oldest are dropped and counted. `request.body` is never kept for a finished capture: `get` returns
 * a copy with it parsed from `request.bodyText`.
 */
export class CaptureStore {
  /** Dropped slots are set to undefined at once so the captures they held can be collected before compaction. */
  private entries: Array<Entry | undefined> = [];
  /** Index of the oldest live entry in `entries` (dropping is O(1); the array is compacted now and then). */
  private head = 0;
  /** By seq: a number key needs no string hashing, and the id strings need not be kept. */
  private bySeq = new Map<number, Entry>();
  private count = 0;
  private readonly arena = new LineArena();
  /** Sum of the stored entries' `bytes`. */
  private storedBytes = 0;
  dropped = 0;

  /**
   * `idFor`: the id this engine run gives a seq (captures with other ids keep theirs in the entry). `maxBytes`: the
   * byte limit (setting `capture.maxStoreBytes`); the newest capture is kept even when it alone is over it.
   */
  constructor(
    private limit: number,
    private readonly idFor: (seq: number) => string = () => '',
    private maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Bytes of bodies held: finished captures' lines plus the bodies of captures in progress. */
  get bytes(): number {
    return this.storedBytes;
  }

  setLimit(limit: number, maxBytes = this.maxBytes): void {
    this.limit = limit;
    this.maxBytes = maxBytes;
    this.trim();
  }

  /** Adds a capture still in progress. */
  add(capture: Capture, text: CaptureSummaryText): void {
    const entry = this.entryFor(capture, text, capture);
    entry.bytes = liveBodyBytes(capture);
    this.push(entry);
  }

  /** Adds a finished capture by its line (log reload, a capture answered at once); returns where its bytes are. */
  addLine(capture: CaptureHead, line: string): LineRef {
    const entry = this.entryFor(capture, null, null);
    this.putLine(entry, line);
    entry.bytes = entry.length;
    this.push(entry);
    return entry;
  }

  /** Call after changing a capture in progress; false when it was dropped meanwhile. */
  updated(capture: Capture): boolean {
    const entry = this.find(capture.seq, capture.id);
    if (!entry) return false;
    entry.live = capture;
    entry.state = capture.state;
    this.resize(entry, liveBodyBytes(capture));
    this.trim();
    return true;
  }

  /**
   * The capture reached its final state: from now on only its line (made here unless given) is kept, as bytes.
   * Returns where they are, or null when the capture was dropped meanwhile.
   */
  finish(capture: Capture, line = captureToLine(capture)): LineRef | null {
    const entry = this.find(capture.seq, capture.id);
    if (!entry) return null;
    entry.state = capture.state;
    entry.live = null;
    entry.text = null;
    if (entry.slab !== NO_SLAB) this.arena.release(entry);
    this.putLine(entry, line);
    this.resize(entry, entry.length);
    this.trim();
    return this.bySeq.get(entry.seq) === entry ? entry : null;
  }

  /** The full capture, with `request.body` parsed from its text. */
  get(id: string): Capture | undefined {
    const entry = this.byId(id);
    const capture = entry && captureOf(entry);
    return capture && withBody(capture);
  }

  has(id: string): boolean {
    return this.byId(id) !== undefined;
  }

  summaryOf(id: string): CaptureSummary | undefined {
    const entry = this.byId(id);
    const capture = entry && captureOf(entry);
    return capture && toSummary(capture, textOf(entry, capture));
  }

  /** Oldest first. */
  all(): Capture[] {
    const out: Capture[] = [];
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      const capture = entry && captureOf(entry);
      if (capture) out.push(capture);
    }
    return out;
  }

  /** Every stored capture's id (import de-duplication: one pass instead of a look-up per imported capture). */
  ids(): Set<string> {
    const out = new Set<string>();
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      if (entry) out.add(this.idOf(entry));
    }
    return out;
  }

  /**
   * Where every finished capture's line is, oldest first (the compacted log), without copying them. The arena keeps
   * those bytes unchanged until `release` is called, so they can be written out over several loop turns.
   */
  snapshotLines(): { refs: LineRef[]; release: () => void } {
    const refs: LineRef[] = [];
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      // A copy of the place, not the entry: a capture still in progress may get its line later.
      if (entry && entry.slab !== NO_SLAB) refs.push({ slab: entry.slab, at: entry.at, length: entry.length });
    }
    return { refs, release: this.arena.pin() };
  }

  /** Every finished capture's line, oldest first. */
  lines(): string[] {
    const out: string[] = [];
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      if (entry && entry.slab !== NO_SLAB) out.push(lineText(entry));
    }
    return out;
  }

  /** Empties the store except the captures in progress that `keep` selects (held requests stay visible). */
  clear(keep: (capture: Capture) => boolean = () => false): void {
    const kept: Entry[] = [];
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      if (!entry) continue;
      if (entry.live !== null && keep(entry.live)) kept.push(entry);
      else if (entry.slab !== NO_SLAB) this.arena.release(entry);
    }
    this.entries = kept;
    this.head = 0;
    this.bySeq = new Map(kept.map((e) => [e.seq, e]));
    this.count = kept.length;
    this.storedBytes = kept.reduce((sum, e) => sum + e.bytes, 0);
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
      if (command !== undefined && entry.command !== command) continue;
      if (state !== undefined && entry.state !== state) continue;
      if (q !== '' && !haystackOf(entry).includes(q)) continue;
      total += 1;
      if (items.length < limit && (before === undefined || entry.seq < before)) {
        const capture = captureOf(entry);
        if (capture) items.push(toSummary(capture, textOf(entry, capture)));
      } else if (!filtered && items.length >= limit) break;
    }
    return { items, total: filtered ? total : this.count };
  }

  private entryFor(capture: CaptureHead, text: CaptureSummaryText | null, live: Capture | null): Entry {
    return {
      id: capture.id === this.idFor(capture.seq) ? null : capture.id,
      seq: capture.seq,
      command: capture.command,
      state: capture.state,
      text,
      live,
      slab: NO_SLAB,
      at: 0,
      length: 0,
      bytes: 0,
    };
  }

  private putLine(entry: Entry, line: string): void {
    const ref = this.arena.put(line);
    entry.slab = ref.slab;
    entry.at = ref.at;
    entry.length = ref.length;
  }

  /** A stored entry's byte count changed. */
  private resize(entry: Entry, bytes: number): void {
    this.storedBytes += bytes - entry.bytes;
    entry.bytes = bytes;
  }

  private idOf(entry: Entry): string {
    return entry.id ?? this.idFor(entry.seq);
  }

  /** The entry of this seq and id (a seq two stored captures share, from an edited log, falls back to a scan). */
  private find(seq: number, id: string): Entry | undefined {
    const entry = this.bySeq.get(seq);
    if (entry === undefined || this.idOf(entry) === id) return entry;
    return this.scan(id);
  }

  /** Control API lookups: ids of this engine end in their seq in base 36; any other id is found by a scan. */
  private byId(id: string): Entry | undefined {
    const seq = Number.parseInt(id.slice(id.lastIndexOf('-') + 1), 36);
    const entry = Number.isSafeInteger(seq) ? this.bySeq.get(seq) : undefined;
    if (entry !== undefined && this.idOf(entry) === id) return entry;
    return this.scan(id);
  }

  private scan(id: string): Entry | undefined {
    for (let i = this.entries.length - 1; i >= this.head; i -= 1) {
      const entry = this.entries[i];
      if (entry && this.idOf(entry) === id) return entry;
    }
    return undefined;
  }

  private push(entry: Entry): void {
    this.entries.push(entry);
    this.bySeq.set(entry.seq, entry);
    this.count += 1;
    this.storedBytes += entry.bytes;
    this.trim();
  }

  private trim(): void {
    while (
      (this.count > this.limit || (this.storedBytes > this.maxBytes && this.count > 1)) &&
      this.head < this.entries.length
    ) {
      const entry = this.entries[this.head];
      this.entries[this.head] = undefined;
      this.head += 1;
      if (!entry) continue;
      this.count -= 1;
      this.dropped += 1;
      this.storedBytes -= entry.bytes;
      if (this.bySeq.get(entry.seq) === entry) this.bySeq.delete(entry.seq);
      if (entry.slab !== NO_SLAB) this.arena.release(entry);
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
