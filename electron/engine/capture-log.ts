import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Capture } from '../../shared/contract/index.js';
import { writeAtomic } from './persistence.js';

/**
 * captures.ndjson: one line per final capture state, appended in batches (never a sync write per request).
 * A crash loses at most the last unflushed batch; a torn last line is skipped on load. Last line wins per id.
 * Captures hold `request.bodyText` only (the store parses `request.body` on demand), so a line is one stringify.
 */
export class CaptureLog {
  private queue: Capture[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private handle: FileHandle | null = null;

  constructor(
    readonly path: string,
    private readonly log: (line: string) => void,
    private readonly flushMs = 100,
  ) {}

  /** Reads the log: the newest `limit` captures by seq, and how many lines the file had. */
  async load(limit: number): Promise<{ captures: Capture[]; lines: number }> {
    const byId = new Map<string, Capture>();
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
      const capture = parseLine(line);
      if (capture) byId.set(capture.id, capture);
    }
    const captures = [...byId.values()].sort((a, b) => a.seq - b.seq);
    return { captures: captures.slice(Math.max(0, captures.length - limit)), lines };
  }

  /** Rewrites the file with exactly these captures (atomic). */
  async rewrite(captures: readonly Capture[]): Promise<void> {
    await this.writing;
    await this.closeHandle();
    await writeAtomic(this.path, captures.map((c) => `${serialise(c)}\n`).join(''));
  }

  append(capture: Capture): void {
    this.queue.push(capture);
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
    const batch = this.queue;
    this.queue = [];
    this.writing = this.writing.then(async () => {
      try {
        const handle = await this.openHandle();
        await handle.write(batch.map((c) => `${serialise(c)}\n`).join(''));
      } catch (err) {
        this.log(`cannot append to ${this.path}: ${String(err)}`);
      }
    });
    return this.writing;
  }

  /** Drops what is queued and empties the file. */
  async clear(): Promise<void> {
    this.queue = [];
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

function serialise(capture: Capture): string {
  if (capture.request.body === undefined) return JSON.stringify(capture);
  const { body: _body, ...request } = capture.request;
  return JSON.stringify({ ...capture, request });
}

function parseLine(line: string): Capture | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  // Lines come from this engine; a shape check guards against hand edits and torn writes.
  const c = value as Capture;
  if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || typeof c.seq !== 'number') return null;
  if (typeof c.request !== 'object' || c.request === null || typeof c.request.bodyText !== 'string') return null;
  return c;
}
