import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Capture } from '../../../shared/contract/index.js';
import { lineToCapture } from './capture-line.js';

/** What the store needs of a logged capture to keep it by its line. */
export type CaptureHead = Pick<Capture, 'id' | 'seq' | 'command' | 'state'>;

export interface LoggedCapture {
  capture: CaptureHead;
  line: string;
}

export interface LoadedLog {
  /** The newest `limit` captures by seq, oldest first (last line wins per id). */
  captures: LoggedCapture[];
  /** Non-empty lines in the file. */
  lines: number;
  /** Lines that were not a capture (torn by a crash, edited by hand), skipped. */
  skipped: number;
  /** Line numbers of the first few skipped lines, for the log. */
  skippedAt: number[];
}

/**
 * Reads captures.ndjson as a stream, keeping only what it must: each line is parsed once, then only its head (id,
 * seq, command, state) and its text stay, and only about `limit` of them (the oldest are let go as the reading goes
 * on). A 150 000-line log no longer takes hundreds of MiB to load.
 */
export async function loadLog(path: string, limit: number): Promise<LoadedLog> {
  const byId = new Map<string, LoggedCapture>();
  const keep = limit + Math.max(1_000, Math.ceil(limit / 4));
  let lines = 0;
  let skipped = 0;
  const skippedAt: number[] = [];
  try {
    await stat(path);
  } catch {
    return { captures: [], lines: 0, skipped: 0, skippedAt: [] };
  }
  const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of reader) {
    lineNo += 1;
    if (line === '') continue;
    lines += 1;
    const capture = lineToCapture(line);
    if (!capture) {
      skipped += 1;
      if (skippedAt.length < 5) skippedAt.push(lineNo);
      continue;
    }
    const { id, seq, command, state } = capture;
    // Re-inserted so that the map's order stays "last written last".
    byId.delete(id);
    byId.set(id, { capture: { id, seq, command, state }, line });
    if (byId.size > keep) prune(byId, limit);
  }
  const captures = [...byId.values()].sort((a, b) => a.capture.seq - b.capture.seq);
  return { captures: captures.slice(Math.max(0, captures.length - limit)), lines, skipped, skippedAt };
}

/** Keeps the newest `limit` by seq. */
function prune(byId: Map<string, LoggedCapture>, limit: number): void {
  const seqs = [...byId.values()].map((c) => c.capture.seq).sort((a, b) => a - b);
  const cut = seqs[seqs.length - limit] ?? Number.NEGATIVE_INFINITY;
  for (const [id, logged] of byId) if (logged.capture.seq < cut) byId.delete(id);
}
