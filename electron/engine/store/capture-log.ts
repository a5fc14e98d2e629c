import type { PersistenceStatus } from '../../../shared/contract/index.js';
import { ByteBatch, NEWLINE } from './byte-batch.js';
import { CompactionTrigger } from './compaction-trigger.js';
import type { LineRef } from './line-arena.js';
import { LogFile, PartialWriteError, type WriteSync } from './log-file.js';
import { type CaptureHead, type LoadedLog, loadLog } from './log-load.js';
import { UnsavedLines } from './unsaved-lines.js';
import { WriteHealth } from './write-health.js';

export interface CaptureLogOptions {
  log(line: string): void;
  /** Called when the log's health changes (and on each failed retry, with the counts). */
  onStatus(status: PersistenceStatus): void;
  /**
   * Where every finished capture the store keeps is, oldest first (what a compacted log holds); the bytes stay
   * unchanged until `release` is called. The log empties `refs` as it writes them.
   */
  snapshot(): { refs: (LineRef | undefined)[]; release: () => void };
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

/**
 * A compaction in progress: the lines appended to the old file meanwhile go into the new one too, copied from the
 * old file (from `tailFrom`, where the first of them was written) — not kept in memory: with 1 MiB bodies at full
 * rate, holding them (and the snapshot's lines the store had let go) took the engine past 2.7 GB.
 */
interface Compaction {
  /** The old file's offset of the first line the snapshot does not hold; null while there is none. */
  tailFrom: number | null;
  /** How far the tail has been copied into the new file already. */
  copiedTo: number | null;
  tailLines: number;
  /** The old file's generation: if it was reopened meanwhile, its offsets mean nothing any more. */
  generation: number;
  cancelled: boolean;
  done: Promise<void>;
}

/**
 * The tail is copied in the background until at most this much is left, which is copied in one synchronous step.
 * While appends keep pace with the copying, that last step may grow to MAX_SYNC_TAIL_BYTES (a few tens of ms from the
 * page cache); while they outpace it (a disk slower than the callbacks) the copying goes on, and the log is compacted
 * once they slow down, never by blocking the event loop for long.
 */
const SYNC_TAIL_BYTES = 8 * 1_048_576;
const MAX_SYNC_TAIL_BYTES = 64 * 1_048_576;

/**
 * captures.ndjson: one line per final capture state, appended in batches: one write per event-loop turn that
 * finished captures (never one per request), right after that turn's answers went out, so a crash (`kill -9`)
 * loses at most the captures of the turn it hit. Last line wins per id.
 * product.md §4 "persistence is never silent": a failed write keeps its lines queued in memory (bounded,
 * UnsavedLines), reports `ok: false` with the reason, retries (WriteHealth), and writes the queue once it can; the
 * file never keeps a torn line (LogFile cuts it back). Past `compactAt()` lines or `compactAtBytes()` bytes
 * (CompactionTrigger) the file is rewritten from the store in the background, while appends go on into the old
 * file, so it stays bounded and a crash mid-compaction loses nothing more.
 */
export class CaptureLog {
  /** Lines appended since the last flush, already encoded. */
  private queue = new ByteBatch();
  private queuedLines = 0;
  /** Flushed lines not yet on disk (writes failed), oldest first. */
  private readonly unsaved: UnsavedLines;
  private closed = false;
  private fileLines = 0;
  private fileBytes = 0;
  private readonly trigger: CompactionTrigger;
  private compactWanted = false;
  private compaction: Compaction | null = null;
  private clearWanted = false;
  private immediate: NodeJS.Immediate | null = null;
  private readonly file: LogFile;
  private readonly health: WriteHealth;
  private skippedLines = 0;

  constructor(
    readonly path: string,
    private readonly opts: CaptureLogOptions,
  ) {
    this.file = new LogFile(path, opts.writeSync);
    this.trigger = new CompactionTrigger(
      () => opts.compactAt(),
      () => opts.compactAtBytes?.() ?? Number.POSITIVE_INFINITY,
    );
    const changed = () => opts.onStatus(this.status());
    this.health = new WriteHealth(path, opts.retryMs ?? 1_000, opts.log, changed, () => this.write());
    this.unsaved = new UnsavedLines(opts.maxUnsavedBytes ?? 64 * 1_048_576);
  }

  /** Streams the newest `limit` captures to `keep`; corrupt lines are skipped, counted and reported. */
  async load(limit: number, keep: (head: CaptureHead, line: string) => void): Promise<LoadedLog> {
    this.file.tighten();
    await this.file.removeStaleTemps();
    const loaded = await loadLog(this.path, limit, keep);
    this.fileLines = loaded.lines;
    this.fileBytes = this.file.size();
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
      ok: this.health.ok,
      unsaved: this.queuedLines + this.unsaved.lines,
      dropped: this.unsaved.dropped,
      skippedLines: this.skippedLines,
    };
    if (this.health.error !== undefined) status.error = this.health.error;
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
    this.unsaved.clear();
    if (this.compaction) this.compaction.cancelled = true;
    this.compactWanted = false;
    this.clearWanted = true;
    return this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.health.stop();
    await this.flush();
    // A compaction finishing may leave lines to write after it.
    this.write();
    const { unsaved } = this.status();
    if (unsaved > 0)
      this.opts.log(`${unsaved} capture line(s) could not be saved to ${this.path}: ${this.health.error}`);
    this.file.close();
  }

  private readonly flushNow = (): void => {
    this.immediate = null;
    this.write();
  };

  private queued(): void {
    this.queue.byte(NEWLINE);
    this.queuedLines += 1;
    if (this.trigger.due(this.logLines(), this.logBytes())) this.compactWanted = true;
    // At the end of this loop turn (after every answer decided in it went out). While writes fail, only the retry
    // timer tries again.
    if (this.immediate === null && this.health.ok) {
      this.immediate = setImmediate(this.flushNow);
      this.immediate.unref();
    }
  }

  /** The log's lines and bytes: the file's plus those waiting to be written to it. */
  private logLines(): number {
    return this.fileLines + this.unsaved.lines + this.queuedLines;
  }

  private logBytes(): number {
    return this.fileBytes + this.unsaved.bytes + this.queue.length;
  }

  private takeQueue(): void {
    if (this.queuedLines === 0) return;
    // Bounded: while the disk refuses, the oldest unsaved lines are let go first, and counted.
    this.unsaved.push(this.queue.take(), this.queuedLines);
    this.queuedLines = 0;
  }

  /** Clears, appends what is queued, and starts a compaction when one is due. Synchronous. */
  private write(): void {
    this.takeQueue();
    if (this.clearWanted) {
      if (!this.health.attempt(() => this.file.truncate())) return;
      this.clearWanted = false;
      this.fileLines = 0;
      this.fileBytes = 0;
    }
    if (!this.unsaved.empty) {
      const bytes = this.unsaved.joined();
      let written = 0;
      const ok = this.health.attempt(() => {
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
    this.health.recovered();
    if (this.compactWanted && !this.compaction && !this.closed) this.startCompaction();
  }

  /**
   * Rewrites the file from the store in the background. Everything flushed before it starts belongs to a capture
   * the store holds (or has let go as over the limit), so it is covered by the snapshot; lines appended while the
   * new file is written go on into the old file and are copied to the new one when it takes the old one's place.
   */
  private startCompaction(): void {
    this.compactWanted = false;
    this.unsaved.markSnapshot(true);
    const snapshot = this.opts.snapshot();
    const compaction: Compaction = {
      tailFrom: null,
      copiedTo: null,
      tailLines: 0,
      generation: this.file.generation,
      cancelled: false,
      done: Promise.resolve(),
    };
    this.compaction = compaction;
    const fail = (err: unknown): void => {
      // Not a loss: the old file is intact and holds every line. Compaction waits for another `compactAt()` lines.
      this.opts.log(`cannot compact ${this.path}: ${err instanceof Error ? err.message : String(err)}`);
      this.trigger.failed(this.fileLines, this.fileBytes);
    };
    compaction.done = this.file
      .writeTemp(snapshot.refs)
      .finally(() => snapshot.release())
      .then(
        async ({ temp, lines }) => {
          try {
            await this.copyTail(compaction, temp);
            if (compaction.cancelled) {
              await this.file.discard(temp);
              return;
            }
            // Anything still queued goes into the old file first, so that it is part of the tail; then the rest of
            // the tail and the rename, in one synchronous step.
            this.write();
            const from = compaction.copiedTo ?? compaction.tailFrom;
            if (from !== null) this.file.copyTailSync(temp, from, compaction.generation);
            else if (this.file.generation !== compaction.generation) throw new Error('the log was reopened meanwhile');
            this.file.replace(temp);
          } catch (err) {
            await this.file.discard(temp);
            // A Clear meanwhile empties the old file under the copy: not a failure.
            if (!compaction.cancelled) fail(err);
            return;
          }
          this.fileLines = lines + compaction.tailLines;
          this.fileBytes = this.file.size();
          this.trigger.succeeded();
          // Lines appended meanwhile asked for it again, measured against the old file.
          this.compactWanted = this.trigger.due(this.logLines(), this.logBytes());
          this.unsaved.dropSnapshotted();
        },
        (err: unknown) => fail(err),
      )
      .finally(() => {
        this.compaction = null;
        this.unsaved.markSnapshot(false);
      });
  }

  /** Copies the tail written so far into `temp`, in the background, until little is left. */
  private async copyTail(compaction: Compaction, temp: string): Promise<void> {
    let lastStep = Number.POSITIVE_INFINITY;
    let syncStep = SYNC_TAIL_BYTES;
    while (!compaction.cancelled) {
      const from = compaction.copiedTo ?? compaction.tailFrom;
      const to = this.file.end;
      if (from === null || to - from <= syncStep) return;
      if (this.file.generation !== compaction.generation) throw new Error('the log was reopened meanwhile');
      await this.file.copyTail(temp, from, to);
      compaction.copiedTo = to;
      // Not shrinking: the appends keep pace with the copying.
      if (to - from >= lastStep) syncStep = Math.min(2 * syncStep, MAX_SYNC_TAIL_BYTES);
      lastStep = to - from;
    }
  }

  /** The first `bytes` of the unsaved lines (whole lines) are in the file now, from `this.file.appendedAt`. */
  private wrote(bytes: number): void {
    const done = this.unsaved.written(bytes);
    for (const chunk of done) this.fileLines += chunk.lines;
    this.fileBytes += bytes;
    // Lines the snapshot does not hold must also reach the compacted file: the tail starts at the first of them
    // (the snapshot's own backlog is always written first: the unsaved lines go oldest first).
    const compaction = this.compaction;
    if (compaction) {
      let at = this.file.appendedAt;
      for (const chunk of done) {
        if (!chunk.inSnapshot) {
          compaction.tailFrom ??= at;
          compaction.tailLines += chunk.lines;
        }
        at += chunk.bytes.length;
      }
    }
  }
}
