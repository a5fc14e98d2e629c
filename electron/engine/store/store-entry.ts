import type { Capture, CaptureState, CaptureSummaryText } from '../../../shared/contract/index.js';
import { lineToCapture, summaryText } from './capture-line.js';
import { type LineRef, lineText, type Slab } from './line-arena.js';

/**
 * What the store keeps per capture: one object. A capture still in progress (held, delayed) is a live object; a
 * finished one is kept as its JSON line only, as bytes in the line arena (off the JavaScript heap), whose place
 * the entry holds itself (it is the line's LineRef). Few objects per stored capture keep the collector's work
 * flat as the store fills. The line is the one written to captures.ndjson.
 */
export interface Entry extends LineRef {
  /** null when the id is the one this run gives the seq (`idFor`): it is made again when needed. */
  id: string | null;
  seq: number;
  command: string | null;
  state: CaptureState;
  /**
   * The summary while the capture is in progress. A finished capture's is worked out again when read (a list
   * page or a search): keeping two strings and an object per stored capture costs the collector more.
   */
  text: CaptureSummaryText | null;
  live: Capture | null;
  /** Lower-case search text, built on the first `q` search and kept (the request never changes). */
  haystack?: string;
  /** What it counts toward the byte limit: its line's bytes, or a capture in progress's bodies (`liveBodyBytes`). */
  bytes: number;
}

/** The arena slab of an entry with no line yet (a capture in progress). */
export const NO_SLAB: Slab = { bytes: Buffer.alloc(0), live: 0 };

/** Body text searched by `q` is cut here: the search stays cheap on huge bodies. */
const SEARCH_BODY_CHARS = 16_384;

/** The capture of an entry: the live object, or parsed again from its line (undefined for a torn line). */
export function captureOf(entry: Entry): Capture | undefined {
  return entry.live ?? (entry.slab === NO_SLAB ? undefined : (lineToCapture(lineText(entry)) ?? undefined));
}

/** The summary kept while in progress, or worked out again for a finished capture. */
export function textOf(entry: Entry, capture: Capture): CaptureSummaryText {
  return entry.text ?? summaryText(capture);
}

/** What a `q` search looks in: the command, the summary and the start of the request body, lower-case. */
export function haystackOf(entry: Entry): string {
  if (entry.haystack === undefined) {
    const capture = captureOf(entry);
    const text = capture ? textOf(entry, capture) : { parties: '', text: '' };
    const bodyText = capture?.request.bodyText ?? '';
    entry.haystack = [entry.command ?? '', text.parties, text.text, bodyText.slice(0, SEARCH_BODY_CHARS)]
      .join('\n')
      .toLowerCase();
  }
  return entry.haystack;
}
