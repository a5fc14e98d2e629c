import { statSync } from 'node:fs';
import type { PersistenceStatus } from '../../../shared/contract/index.js';
import { ByteBatch, NEWLINE } from './byte-batch.js';
import type { LineRef } from './line-arena.js';
import { LogFile, PartialWriteError, type WriteSync } from './log-file.js';
import { type CaptureHead, type LoadedLog, loadLog } from './log-load.js';

export interface CaptureLogOptions {
  log(line: string): void;
  /** Called when the log's health changes (and on each failed retry, with the counts). */
  onStatus(status: PersistenceStatus): void;
  /**
   * Where every finished capture the store keeps is, oldest first (what a compacted log holds); the bytes stay
   * unchanged until `release` is called.
   */
  snapshot(): { refs: readonly LineRef[]; release: () => void };
  /** How many lines the file may reach before it is compacted (rewritten from the store) in the background. */
  compactAt(): number;
  /** How many bytes the file may reach before it is compacted (product.md §4 v3: twice `capture.maxStoreBytes`). */
  compactAtBytes?(): number;
  /** While writes fail: how often they are tried again. */
  retryMs?: number;
  /** While writes fail: how many bytes of unsaved lines are kept; beyond that the oldest are let go (`dropped`). */
  maxUnsavedBytes?: number;
  /** For tests: the append system call (a disk that fills up after N bytes). */
  writeSync?: WriteSync;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) lines += 1;
  return lines;
}

interface Chunk {
  bytes: Buffer;
  lines: number;
  /** Its captures are in the snapshot a running compaction writes: not written again into the new file. */
  inSnapshot?: boolean;
}

/** A compaction in progress: the lines appended to the old file meanwhile go into the new one too. */
interface Compaction {
  tail: Buffer[];
  tailLines: number;
  cancelled: boolean;
  done: Promise<void>;
}

/**
 * captures.ndjson: one line per final capture state, appended in batches: one write per event-loop turn that
 * finished captures (never one per request), right after that turn's answers went out, so a crash (`kill -9`)
 * loses at most the captures of the turn it hit. Last line wins per id.
 * product.md §4 "persistence is never silent": a failed write keeps its lines queued in memory (bounded), reports
 * `ok: false` with the reason, retries, and writes the queue once it can; the file never keeps a torn line
 * (LogFile cuts it back). Past `compactAt()` lines the file is rewritten from the store in the background, while
 * appends go on into the old file, so it stays bounded and a crash mid-compaction loses nothing more.
 */
export class CaptureLog {
  /** Lines appended since the last flush, already encoded. */
  private queue = new ByteBatch();
  private queuedLines = 0;
  /** Flushed lines not yet on disk (writes failed), oldest first. */
  private chunks: Chunk[] = [];
  private chunkBytes = 0;
  private chunkLines = 0;
  private closed = false;
  private fileLines = 0;
  private fileBytes = 0;
  /** No compaction is tried again before the file has this many bytes (one failed). */
  private compactAfterBytes = 0;
  private compactWanted = false;
  /** No compaction is tried again before the file has this many lines (one failed: the disk may be too full). */
  private compactAfter = 0;
  private compaction: Compaction | null = null;
  private clearWanted = false;
  private immediate: NodeJS.Immediate | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly file: LogFile;
  private ok = true;
  private error: string | undefined;
  private dropped = 0;
  private skippedLines = 0;
  private readonly retryMs: number;
  private readonly maxUnsavedBytes: number;

  constructor(
    readonly path: string,
    private readonly opts: CaptureLogOptions,
  ) {
    this.file = new LogFile(path, opts.writeSync);
    this.retryMs = opts.retryMs ?? 1_000;
    this.maxUnsavedBytes = opts.maxUnsavedBytes ?? 64 * 1_048_576;
  }

  /** Streams the newest `limit` captures to `keep`; corrupt lines are skipped, counted and reported. */
  async load(limit: number, keep: (head: CaptureHead, line: string) => void): Promise<LoadedLog> {
    this.file.tighten();
    await this.file.removeStaleTemps();
    const loaded = await loadLog(this.path, limit, keep);
    this.fileLines = loaded.lines;
    this.fileBytes = fileSize(this.path);
    this.skippedLines = loaded.skipped;
    if (loaded.skipped > 0) {
      this.opts.log(
        `${this.path}: skipped ${loaded.skipped} line(s) that are not a capture (line ${loaded.skippedAt.join(', ')}${loaded.skipped > loaded.skippedAt.length ? ', …' : ''})`,
      );
    }
    return loaded;
  }

  status(): PersistenceStatus {
    const status: PersistenceStatus = {
      ok: this.ok,
      unsaved: this.queuedLines + this.chunkLines,
      dropped: this.dropped,
      skippedLines: this.skippedLines,
    };
    if (this.error !== undefined) status.error = this.error;
    return status;
  }

  append(line: string): void {
    this.queue.string(line);
    this.queued();
  }

  /** Appends a line the store already keeps as bytes (copied, not encoded again). */
  appendBytes(line: LineRef): void {
    this.queue.bytes(line.slab.bytes, line.at, line.at + line.length);
    this.queued();
  }

  /**
   * Writes everything appended so far (synchronously: it is in the OS when this returns, or reported as failed).
   * The promise also waits for a compaction in progress. Never rejects.
   */
  flush(): Promise<void> {
    if (this.immediate !== null) {
      clearImmediate(this.immediate);
      this.immediate = null;
    }
    this.write();
    return this.compaction?.done ?? Promise.resolve();
  }

  /** Rewrites the file from the store now (at load, when it holds superseded or corrupt lines). */
  compact(): Promise<void> {
    this.compactWanted = true;
    return this.flush();
  }

  /** Drops what is queued and empties the file (a compaction in progress is abandoned). */
  clear(): Promise<void> {
    this.queue.reset();
    this.queuedLines = 0;
    this.forget(this.chunks);
    this.chunks = [];
    if (this.compaction) this.compaction.cancelled = true;
    this.compactWanted = false;
    this.clearWanted = true;
    return this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.flush();
    // A compaction finishing may leave lines to write after it.
    this.write();
    const { unsaved } = this.status();
    if (unsaved > 0) this.opts.log(`${unsaved} capture line(s) could not be saved to ${this.path}: ${this.error}`);
    this.file.close();
  }

  private compactAtBytes(): number {
    return this.opts.compactAtBytes?.() ?? Number.POSITIVE_INFINITY;
  }

  private readonly flushNow = (): void => {
    this.immediate = null;
    this.write();
  };

  private queued(): void {
    this.queue.byte(NEWLINE);
    this.queuedLines += 1;
    const lines = this.fileLines + this.queuedLines + this.chunkLines;
    if (lines > this.opts.compactAt() && lines > this.compactAfter) this.compactWanted = true;
    const bytes = this.fileBytes + this.queue.length + this.chunkBytes;
    if (bytes > this.compactAtBytes() && bytes > this.compactAfterBytes) this.compactWanted = true;
    // At the end of this loop turn (after every answer decided in it went out). While writes fail, only the retry
    // timer tries again.
    if (this.immediate === null && this.ok) {
      this.immediate = setImmediate(this.flushNow);
      this.immediate.unref();
    }
  }

  private takeQueue(): void {
    if (this.queuedLines === 0) return;
    const bytes = this.queue.take();
    this.chunks.push({ bytes, lines: this.queuedLines });
    this.chunkBytes += bytes.length;
    this.chunkLines += this.queuedLines;
    this.queuedLines = 0;
    // Bounded: while the disk refuses, the oldest unsaved lines are let go first, and counted.
    while (this.chunkBytes > this.maxUnsavedBytes && this.chunks.length > 1) {
      const oldest = this.chunks.shift() as Chunk; // length > 1
      this.forget([oldest]);
      this.dropped += oldest.lines;
    }
  }

  /** Clears, appends what is queued, and starts a compaction when one is due. Synchronous. */
  private write(): void {
    this.takeQueue();
    if (this.clearWanted) {
      if (!this.attempt(() => this.file.truncate())) return;
      this.clearWanted = false;
      this.fileLines = 0;
      this.fileBytes = 0;
    }
    if (this.chunks.length > 0) {
      const chunks = this.chunks;
      const bytes = chunks.length === 1 ? (chunks[0] as Chunk).bytes : Buffer.concat(chunks.map((c) => c.bytes)); // length checked
      let written = 0;
      const ok = this.attempt(() => {
        try {
          this.file.append(bytes);
          written = bytes.length;
        } catch (err) {
          // The whole lines that fit stay in the file: only the rest waits for the retry.
          if (!(err instanceof PartialWriteError)) throw err;
          written = err.written;
          throw err.cause;
        }
      });
      if (written > 0) this.wrote(written);
      if (!ok) return;
    }
    this.recovered();
    if (this.compactWanted && !this.compaction && !this.closed) this.startCompaction();
  }

  /**
   * Rewrites the file from the store in the background. Everything flushed before it starts belongs to a capture
   * the store holds (or has let go as over the limit), so it is covered by the snapshot; lines appended while the
   * new file is written go on into the old file and are copied to the new one when it takes the old one's place.
   */
  private startCompaction(): void {
    this.compactWanted = false;
    for (const chunk of this.chunks) chunk.inSnapshot = true;
    const snapshot = this.opts.snapshot();
    const compaction: Compaction = { tail: [], tailLines: 0, cancelled: false, done: Promise.resolve() };
    this.compaction = compaction;
    const fail = (err: unknown): void => {
      // Not a loss: the old file is intact and holds every line. Compaction waits for another `compactAt()` lines.
      this.opts.log(`cannot compact ${this.path}: ${err instanceof Error ? err.message : String(err)}`);
      this.compactAfter = this.fileLines + this.opts.compactAt();
      this.compactAfterBytes = this.fileBytes + this.compactAtBytes();
    };
    compaction.done = this.file
      .writeTemp(snapshot.refs)
      .finally(() => snapshot.release())
      .then(
        async (temp) => {
          if (compaction.cancelled) {
            await this.file.discard(temp);
            return;
          }
          // Anything still queued goes into the old file first, so that it is part of the tail.
          this.write();
          try {
            this.file.replace(temp, compaction.tail);
          } catch (err) {
            await this.file.discard(temp);
            fail(err);
            return;
          }
          this.fileLines = snapshot.refs.length + compaction.tailLines;
          this.fileBytes = fileSize(this.path);
          this.compactAfter = 0;
          this.compactAfterBytes = 0;
          // Lines appended meanwhile asked for it again, measured against the old file.
          this.compactWanted =
            this.fileLines + this.chunkLines + this.queuedLines > this.opts.compactAt() ||
            this.fileBytes + this.chunkBytes + this.queue.length > this.compactAtBytes();
          // Unsaved lines the snapshot already holds must not be written again.
          const left = this.chunks.filter((c) => !c.inSnapshot);
          this.forget(this.chunks.filter((c) => c.inSnapshot));
          this.chunks = left;
        },
        (err: unknown) => fail(err),
      )
      .finally(() => {
        this.compaction = null;
        for (const chunk of this.chunks) chunk.inSnapshot = false;
      });
  }

  /** The first `bytes` of the unsaved chunks (whole lines) are in the file now: off the queue, oldest first. */
  private wrote(bytes: number): void {
    const done: Chunk[] = [];
    let left = bytes;
    while (left > 0 && this.chunks.length > 0) {
      const chunk = this.chunks[0] as Chunk; // length checked
      if (chunk.bytes.length <= left) {
        this.chunks.shift();
        done.push(chunk);
        left -= chunk.bytes.length;
        continue;
      }
      const head = chunk.bytes.subarray(0, left);
      const lines = countLines(head);
      done.push({ bytes: head, lines, ...(chunk.inSnapshot ? { inSnapshot: true } : {}) });
      chunk.bytes = chunk.bytes.subarray(left);
      chunk.lines -= lines;
      left = 0;
    }
    this.fileLines += this.forget(done);
    this.fileBytes += bytes;
    // Lines the snapshot does not hold must also reach the compacted file.
    const compaction = this.compaction;
    if (compaction) {
      for (const chunk of done) {
        if (chunk.inSnapshot) continue;
        compaction.tail.push(chunk.bytes);
        compaction.tailLines += chunk.lines;
      }
    }
  }

  /** Takes written (or superseded) chunks off the counts; returns their lines. */
  private forget(chunks: readonly Chunk[]): number {
    let lines = 0;
    for (const chunk of chunks) {
      this.chunkBytes -= chunk.bytes.length;
      this.chunkLines -= chunk.lines;
      lines += chunk.lines;
    }
    return lines;
  }

  /** Runs one file operation; on failure reports it and schedules a retry. */
  private attempt(operation: () => void): boolean {
    try {
      operation();
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.ok || message !== this.error) this.opts.log(`cannot write ${this.path}: ${message}`);
      this.ok = false;
      this.error = message;
      this.opts.onStatus(this.status());
      if (!this.closed && this.retryTimer === null) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.write();
        }, this.retryMs);
        this.retryTimer.unref();
      }
      return false;
    }
  }

  private recovered(): void {
    if (this.ok) return;
    this.ok = true;
    this.error = undefined;
    this.opts.log(`writing ${this.path} again: the queued captures are saved`);
    this.opts.onStatus(this.status());
  }
}
