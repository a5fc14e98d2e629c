import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Capture } from '../../../shared/contract/index.js';
import { lineToCapture } from './capture-line.js';

/** What the store needs of a logged capture to keep it by its line. */
export type CaptureHead = Pick<Capture, 'id' | 'seq' | 'command' | 'state'>;

export interface LoadedLog {
  /** Captures handed to `keep`: the newest `limit` by seq (last line wins per id). */
  kept: number;
  /** The highest seq handed over (0 when none). */
  lastSeq: number;
  /** Non-empty lines in the file. */
  lines: number;
  /** Lines that were not a capture (torn by a crash, edited by hand), skipped. */
  skipped: number;
  /** Line numbers of the first few skipped lines, for the log. */
  skippedAt: number[];
}

interface Found {
  head: CaptureHead;
  lineNo: number;
}

/**
 * Reads captures.ndjson in two streaming passes, so memory follows `limit`, not the file: the first parses each
 * line once and keeps only heads (id, seq, command, state, line number) of about `limit` captures; the second hands
 * the newest `limit` lines to `keep` in seq order, one at a time (the store copies them off the heap). A 150 000-line
 * log no longer takes hundreds of MiB to load.
 */
export async function loadLog(
  path: string,
  limit: number,
  keep: (head: CaptureHead, line: string) => void,
): Promise<LoadedLog> {
  try {
    await stat(path);
  } catch {
    return { kept: 0, lastSeq: 0, lines: 0, skipped: 0, skippedAt: [] };
  }
  const byId = new Map<string, Found>();
  const window = limit + Math.max(1_000, Math.ceil(limit / 4));
  let lines = 0;
  let skipped = 0;
  const skippedAt: number[] = [];
  let lineNo = 0;
  for await (const line of readLines(path)) {
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
    byId.set(id, { head: { id, seq, command, state }, lineNo });
    if (byId.size > window) prune(byId, limit);
  }
  const wanted = [...byId.values()].sort((a, b) => a.head.seq - b.head.seq);
  const chosen = wanted.slice(Math.max(0, wanted.length - limit));
  // Rank in seq order by line number; lines met before their turn (written out of seq order) wait in `early`.
  const rank = new Map(chosen.map((found, i) => [found.lineNo, i]));
  const early = new Map<number, string>();
  let next = 0;
  lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo += 1;
    const at = rank.get(lineNo);
    if (at === undefined) continue;
    early.set(at, line);
    for (let ready = early.get(next); ready !== undefined; ready = early.get(next)) {
      early.delete(next);
      keep((chosen[next] as Found).head, ready); // next < chosen.length: every rank comes from chosen
      next += 1;
    }
  }
  return { kept: next, lastSeq: chosen.at(-1)?.head.seq ?? 0, lines, skipped, skippedAt };
}

function readLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
}

/** Keeps the newest `limit` by seq. */
function prune(byId: Map<string, Found>, limit: number): void {
  const seqs = [...byId.values()].map((c) => c.head.seq).sort((a, b) => a - b);
  const cut = seqs[seqs.length - limit] ?? Number.NEGATIVE_INFINITY;
  for (const [id, found] of byId) if (found.head.seq < cut) byId.delete(id);
}
