import type { PersistenceStatus } from '../../../shared/contract/index.js';
import { ByteBatch, NEWLINE } from './byte-batch.js';
import type { LineRef } from './line-arena.js';
import { LogFile } from './log-file.js';
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
  /** While writes fail: how often they are tried again. */
  retryMs?: number;
  /** While writes fail: how many bytes of unsaved lines are kept; beyond that the oldest are let go (`dropped`). */
  maxUnsavedBytes?: number;
}

interface Chunk {
  bytes: Buffer;
  lines: number;
  /** Flushed before a clear: dropped once the clear runs (unless already written, then truncated away). */
  cleared?: boolean;
}

/**
 * captures.ndjson: one line per final capture state, appended in batches: one write per event-loop turn that
 * finished captures (never one per request), right after that turn's answers went out, so a crash (`kill -9`)
 * loses at most the captures of the turn it hit. Last line wins per id.
 * product.md §4 "persistence is never silent": a failed write keeps its lines queued in memory (bounded), reports
 * `ok: false` with the reason, retries, and writes the queue once it can; the file never keeps a torn line
 * (LogFile cuts it back). Past `compactAt()` lines the file is rewritten from the store, so it stays bounded.
 */
export class CaptureLog {
  /** Lines appended since the last flush, already encoded. */
  private queue = new ByteBatch();
  private queuedLines = 0;
  /** Flushed lines not yet on disk, oldest first. */
  private chunks: Chunk[] = [];
  private chunkBytes = 0;
  private chunkLines = 0;
  private closed = false;
  /** How many of the first `chunks` the write in flight holds. */
  private inFlight = 0;
  private fileLines = 0;
  private compactWanted = false;
  /** No compaction is tried again before the file has this many lines (one failed: the disk may be too full). */
  private compactAfter = 0;
  private clearWanted = false;
  private immediate: NodeJS.Immediate | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
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
    this.file = new LogFile(path);
    this.retryMs = opts.retryMs ?? 1_000;
    this.maxUnsavedBytes = opts.maxUnsavedBytes ?? 64 * 1_048_576;
  }

  /** Streams the newest `limit` captures to `keep`; corrupt lines are skipped, counted and reported. */
  async load(limit: number, keep: (head: CaptureHead, line: string) => void): Promise<LoadedLog> {
    const loaded = await loadLog(this.path, limit, keep);
    this.fileLines = loaded.lines;
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

  /** Writes everything appended so far; resolves once written or once the attempt failed. Never rejects. */
  flush(): Promise<void> {
    if (this.immediate !== null) {
      clearImmediate(this.immediate);
      this.immediate = null;
    }
    this.takeQueue();
    return this.run();
  }

  /** Rewrites the file from the store now (at load, when it holds many superseded lines). */
  compact(): Promise<void> {
    this.compactWanted = true;
    return this.flush();
  }

  /** Drops what is queued and empties the file. */
  clear(): Promise<void> {
    this.queue.reset();
    this.queuedLines = 0;
    // A write in flight may hold some of them: they are let go when the clear runs, after it.
    for (const chunk of this.chunks) chunk.cleared = true;
    this.compactWanted = false;
    this.clearWanted = true;
    return this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.flush();
    const { unsaved } = this.status();
    if (unsaved > 0) this.opts.log(`${unsaved} capture line(s) could not be saved to ${this.path}: ${this.error}`);
    this.file.close();
  }

  private readonly flushNow = (): void => {
    this.immediate = null;
    void this.flush();
  };

  private queued(): void {
    this.queue.byte(NEWLINE);
    this.queuedLines += 1;
    const lines = this.fileLines + this.queuedLines + this.chunkLines;
    if (lines > this.opts.compactAt() && lines > this.compactAfter) this.compactWanted = true;
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
    // The chunks of a write in flight stay: its result decides what happens to them.
    while (this.chunkBytes > this.maxUnsavedBytes && this.chunks.length > this.inFlight + 1) {
      const [oldest] = this.chunks.splice(this.inFlight, 1) as [Chunk]; // length checked
      this.chunkBytes -= oldest.bytes.length;
      this.chunkLines -= oldest.lines;
      this.dropped += oldest.lines;
    }
  }

  /** One writer at a time: a call while it runs joins it (the loop picks up whatever was added meanwhile). */
  private run(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.clearWanted) {
        this.clearWanted = false;
        this.forget(this.chunks.filter((c) => c.cleared));
        this.chunks = this.chunks.filter((c) => !c.cleared);
        if (!(await this.attempt(async () => this.file.truncate()))) {
          this.clearWanted = true;
          return;
        }
        this.fileLines = 0;
        continue;
      }
      this.takeQueue();
      if (this.compactWanted) {
        await this.compactNow();
        continue;
      }
      if (this.chunks.length === 0) {
        this.recovered();
        return;
      }
      // Everything flushed so far, as one write; the chunks stay listed (and counted) until it succeeded.
      const count = this.chunks.length;
      const bytes = count === 1 ? (this.chunks[0] as Chunk).bytes : Buffer.concat(this.chunks.map((c) => c.bytes)); // count checked
      this.inFlight = count;
      const done = await this.attempt(async () => this.file.append(bytes));
      this.inFlight = 0;
      if (!done) return;
      this.fileLines += this.forget(this.chunks.splice(0, count));
    }
  }

  /**
   * Rewrites the file from the store. Every line flushed so far belongs to a capture the store holds (or has let go
   * as over the limit), so those lines are covered by the snapshot; lines appended while it is written follow it.
   */
  private async compactNow(): Promise<void> {
    this.compactWanted = false;
    const covered = this.chunks.length;
    const snapshot = this.opts.snapshot();
    this.inFlight = covered;
    try {
      await this.file.replace(snapshot.refs);
    } catch (err) {
      this.inFlight = 0;
      snapshot.release();
      // Not a loss (the old file is intact and the lines stay queued): appends go on, compaction waits a while.
      this.opts.log(`cannot compact ${this.path}: ${err instanceof Error ? err.message : String(err)}`);
      this.compactAfter = this.fileLines + this.opts.compactAt();
      return;
    }
    snapshot.release();
    this.inFlight = 0;
    this.forget(this.chunks.splice(0, covered));
    this.fileLines = snapshot.refs.length;
    this.compactAfter = 0;
    // Lines appended while it ran asked for it again against the old file's length.
    this.compactWanted = this.fileLines + this.chunkLines + this.queuedLines > this.opts.compactAt();
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
  private async attempt(operation: () => Promise<void>): Promise<boolean> {
    try {
      await operation();
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
          void this.flush();
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
