import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Capture } from '../../../shared/contract/index.js';
import { ByteBatch, NEWLINE } from './byte-batch.js';
import { lineToCapture } from './capture-line.js';
import type { LineRef } from './line-arena.js';
import { writeAtomic } from './persistence.js';

export interface LoggedCapture {
  capture: Capture;
  line: string;
}

/**
 * captures.ndjson: one line per final capture state, appended in batches (never a sync write per request).
 * A crash loses at most the last unflushed batch; a torn last line is skipped on load. Last line wins per id.
 * Lines come from `captureJson`, the same line the store keeps; a stored capture's is copied from the store's bytes.
 */
export class CaptureLog {
  /** Lines waiting for the next write, already encoded. */
  private queue = new ByteBatch();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private handle: FileHandle | null = null;

  constructor(
    readonly path: string,
    private readonly log: (line: string) => void,
    private readonly flushMs = 100,
  ) {}

  /** Reads the log: the newest `limit` captures by seq (with their lines), and how many lines the file had. */
  async load(limit: number): Promise<{ captures: LoggedCapture[]; lines: number }> {
    const byId = new Map<string, LoggedCapture>();
    let lines = 0;
    try {
      await stat(this.path);
    } catch {
      return { captures: [], lines: 0 };
    }
    const reader = createInterface({ input: createReadStream(this.path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of reader) {
      if (line === '') continue;
      lines += 1;
      const capture = lineToCapture(line);
      if (capture) byId.set(capture.id, { capture, line });
    }
    const captures = [...byId.values()].sort((a, b) => a.capture.seq - b.capture.seq);
    return { captures: captures.slice(Math.max(0, captures.length - limit)), lines };
  }

  /** Rewrites the file with exactly these lines (atomic). */
  async rewrite(lines: readonly string[]): Promise<void> {
    await this.writing;
    await this.closeHandle();
    await writeAtomic(this.path, lines.map((line) => `${line}\n`).join(''));
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

  private queued(): void {
    this.queue.byte(NEWLINE);
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes everything queued so far; resolves when it is on disk (in the OS). Never rejects. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return this.writing;
    const batch = this.queue.take();
    this.writing = this.writing.then(async () => {
      try {
        const handle = await this.openHandle();
        // One write per flush.
        await handle.write(batch);
      } catch (err) {
        this.log(`cannot append to ${this.path}: ${String(err)}`);
      }
    });
    return this.writing;
  }

  /** Drops what is queued and empties the file. */
  async clear(): Promise<void> {
    this.queue.reset();
    this.writing = this.writing.then(async () => {
      try {
        await (await this.openHandle()).truncate(0);
      } catch (err) {
        this.log(`cannot truncate ${this.path}: ${String(err)}`);
      }
    });
    await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.closeHandle();
  }

  private async openHandle(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const handle = await open(this.path, 'a+');
    // A torn last line (crash mid-write) must not swallow the first line appended now.
    const { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.write('\n');
    }
    this.handle = handle;
    return handle;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
  }
}
